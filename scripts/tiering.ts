// Imported first by the Node entry points that run Monte Carlo simulations (the runner, the bench).
// V8 compiles a hot loop in the middle of a call (on-stack replacement, OSR). In Node 20, when the
// path loop's first full compile was thrown away while its OSR compile was in flight, V8 kept entering
// the path loop through that OSR code on every call, each after running the path's set-up in the
// interpreter, and never compiled the loop in full again: in half of the processes measured, a
// simulation then took 1.3 to 2 times as long for the whole process (100,000 paths × 2 firms: 1.0 to
// 1.5 s against 0.75 s). Without OSR, a loop waits for its function's next call to run compiled,
// which a simulation's loops, called per path or per block, do at once. Chromium's V8 does not
// show this (the page's workers measure the same from run to run), so the page sets nothing.
import {setFlagsFromString} from "node:v8";

setFlagsFromString("--no-use-osr");
