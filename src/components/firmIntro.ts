// Each firm's introduction on its model page: what it sells and what it promised, from the articles
// (every figure here is a row of data/facts.csv; see Sources).
import {html} from "htl";
import type {FirmId} from "../lib/fields.js";

const INTRO: Record<FirmId, {heading: string; body: () => Node}> = {
  zhipu: {
    heading: "Zhipu AI (2513.HK)",
    body: () => html`<p>Zhipu grew out of a Tsinghua University lab and sells its GLM models as a service to enterprises and government bodies: API calls, subscriptions and, above all, on-premise deployments (at least 85% of revenue in the first half of 2025). Revenue grew from RMB 57.4M in 2022 to RMB 312.4M in 2024, and was about RMB 191M in the first half of 2025 at a 50% gross margin. Losses ran at about RMB 300M a month. It raised about HK$4.3B when it listed on 8 January 2026 and says it will <strong>break even in 2026</strong> and be cash-flow positive in 2027.</p>
<p>The model below starts from those figures (open any input's "about" line for the article's own words). What no article gives — Zhipu's cash on hand above all — is marked as an assumption; change it and see what follows.</p>`
  },
  minimax: {
    heading: "MiniMax",
    body: () => html`<p>MiniMax, founded in 2021 by former SenseTime executives, builds its own text, video and speech models and sells AI apps to consumers worldwide: Talkie (星野 in China) and Hailuo AI earn most of its revenue (71.1% in the first nine months of 2025), and an open platform sells API access to businesses (28.9%). Revenue for those nine months was US$53.4M, up 174.7% on a year earlier, at a blended gross margin of about 23% (consumer products 4.7%, enterprise 69.4%). On 30 September 2025 it held US$1,046.2M in cash, investments and undrawn facilities and expected to burn about US$27.9M a month — "about 37 months" of runway, as the article says. It listed on 9 January 2026 and aims for <strong>revenue above US$300M in 2026 and break-even in 2027</strong>.</p>
<p>The model below starts from those figures (open any input's "about" line for the article's own words). The IPO proceeds are in no article, so they are an assumption; change them and see what follows.</p>`
  }
};

export function firmHeading(firm: FirmId): string {
  return INTRO[firm].heading;
}

export function firmIntro(firm: FirmId): Node {
  return INTRO[firm].body();
}
