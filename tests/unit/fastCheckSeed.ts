// fast-check draws a new seed for each property on every run and prints it with a failure; FC_SEED
// fixes it for every property (a failure then replays with the same FC_SEED). CI sets it (.ci/run)
// so that whether a commit lands does not hang on a random draw; local runs keep exploring new
// inputs, and `npm run fuzz` explores for as long as you like.
import fc from "fast-check";

const seed = process.env.FC_SEED;
if (seed !== undefined && seed !== "") {
  if (!/^-?\d+$/.test(seed)) throw new Error(`FC_SEED must be a whole number, not ${JSON.stringify(seed)}`);
  fc.configureGlobal({seed: Number(seed)});
}
