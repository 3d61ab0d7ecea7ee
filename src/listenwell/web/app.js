// listenwell web page: calls /v1/listen and /v1/review on this server and shows the results.
// User text is only ever set with textContent, never parsed as HTML.
"use strict";

const $ = (id) => document.getElementById(id);

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function srOnly(text) {
  return el("span", "sr-only", text);
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = await response.json();
  if (!response.ok) throw new Error(data.detail || data.error || response.statusText);
  return data;
}

// Text with spans marked: spans is [{start, end, make(textNode) -> Node}], non-overlapping ones kept in order.
function marked(text, spans) {
  const out = document.createDocumentFragment();
  let at = 0;
  for (const span of [...spans].sort((a, b) => a.start - b.start || b.end - a.end)) {
    if (span.start < at) continue; // overlaps one already shown
    out.append(text.slice(at, span.start));
    out.append(span.make(text.slice(span.start, span.end)));
    at = span.end;
  }
  out.append(text.slice(at));
  return out;
}

function feelingMark(emotion) {
  return (words) => {
    if (emotion.negated) {
      const s = el("s", "negated", words);
      s.append(srOnly(` (not ${emotion.family})`));
      s.title = `not ${emotion.family}`;
      return s;
    }
    const m = el("mark", `fam fam-${emotion.family}`, words);
    m.dataset.family = emotion.family;
    m.title = emotion.family;
    m.append(el("span", "fam-label", emotion.family));
    return m;
  };
}

function fill(list, items) {
  list.replaceChildren(...items.map((text) => el("li", "", text)));
  list.hidden = items.length === 0;
  const title = list.getAttribute("aria-labelledby");
  if (title) $(title).hidden = items.length === 0;
}

function showListening(r) {
  const a = r.analysis;
  $("highlighted").replaceChildren(
    marked(a.text, a.emotions.map((e) => ({ start: e.start, end: e.end, make: feelingMark(e) })))
  );
  const felt = a.emotions.filter((e) => !e.negated);
  const chips = [...new Set(felt.map((e) => e.family))].map((f) => {
    const chip = el("span", `chip fam-${f}`, f);
    chip.dataset.family = f;
    return chip;
  });
  $("feelings").replaceChildren(...(chips.length ? chips : [el("span", "", "none named")]));

  const safety = r.mode === "safety";
  $("safety").hidden = !safety;
  $("answer").hidden = safety;
  const others = r.suggestions.filter((s) => !r.reply.includes(s.text));
  if (safety) {
    $("safety-reply").textContent = r.reply;
    fill($("safety-more"), others.map((s) => s.text));
    $("resources").replaceChildren(
      ...r.resources.map((x) => {
        const li = el("li");
        li.append(el("strong", "", `${x.name}: ${x.contact}`), ` (${x.about})`);
        return li;
      })
    );
  } else {
    $("reply").textContent = r.reply;
    fill($("alternatives"), others.filter((s) => !["question", "professional_help"].includes(s.kind)).map((s) => s.text));
    fill($("questions"), others.filter((s) => s.kind === "question").map((s) => s.text));
    const offers = others.filter((s) => s.kind === "professional_help").map((s) => s.text);
    fill($("offers"), offers);
    $("offers-box").hidden = offers.length === 0;
  }
}

function showReview(v) {
  $("review").hidden = false;
  const flags = v.flags;
  $("draft-marked").replaceChildren(
    marked(
      v.draft,
      flags.map((f) => ({
        start: f.start,
        end: f.end,
        make: (words) => {
          const m = el("mark", "flag", words);
          m.dataset.kind = f.kind;
          m.title = `${f.kind}: ${f.why}`;
          m.append(srOnly(` (flag: ${f.kind.replace("_", " ")})`));
          return m;
        },
      }))
    )
  );
  $("review-ok").hidden = flags.length > 0 || v.missed.length > 0;
  const items = [];
  for (const f of flags) {
    const li = el("li");
    li.dataset.kind = f.kind;
    li.append(el("span", "kind", f.kind.replace("_", " ")), `: “${f.text}”`);
    li.append(el("span", "why", f.why), el("span", "try", `Try: ${f.suggestion}`));
    items.push(li);
  }
  for (const m of v.missed) {
    const li = el("li");
    li.dataset.kind = `missed-${m.kind}`;
    li.append(el("span", "kind", `missed ${m.kind}`), `: ${m.why}`);
    li.append(el("span", "try", `Try: ${m.suggestion}`));
    items.push(li);
  }
  $("flags").replaceChildren(...items);
}

async function run(event) {
  if (event) event.preventDefault();
  const message = $("message").value;
  const draft = $("draft").value;
  $("error").hidden = true;
  if (!message.trim()) {
    $("error").textContent = "Paste their message first.";
    $("error").hidden = false;
    $("message").focus();
    return;
  }
  $("go").disabled = true;
  document.body.setAttribute("aria-busy", "true");
  try {
    const listening = await post("/v1/listen", { text: message });
    const review = draft.trim() ? await post("/v1/review", { draft, message }) : null;
    showListening(listening);
    if (review) showReview(review);
    else $("review").hidden = true;
    $("results").hidden = false;
    document.body.dataset.runs = String(Number(document.body.dataset.runs || 0) + 1);
  } catch (err) {
    $("error").textContent = `Could not read it: ${err.message}`;
    $("error").hidden = false;
  } finally {
    $("go").disabled = false;
    document.body.removeAttribute("aria-busy");
  }
}

$("form").addEventListener("submit", run);
for (const id of ["message", "draft"]) {
  $(id).addEventListener("keydown", (e) => {
    if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) run(e);
  });
}
