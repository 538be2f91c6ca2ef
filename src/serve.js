/* The classroom page of `ratio serve`: the pack's facts as a form, every
   opinion's result as the answers change, the reasoning, what would change
   it and where the opinions part; the interview and the quiz as modes. Everything comes from the server's own
   API (/api/...); the page fetches nothing else. The current facts live in
   the page's address, so a link reproduces a hypothetical. */
"use strict";

(function () {
  const $ = (id) => document.getElementById(id);

  /* An element: el("p", {class: "x"}, "text", child, ...). Text is always
     set as text, never parsed as markup. */
  function el(tag, attrs, ...kids) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === "text") e.textContent = v;
      else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
      else e.setAttribute(k, v === true ? "" : v);
    }
    for (const k of kids) if (k !== null && k !== undefined) e.append(k);
    return e;
  }
  const spaced = (s) => String(s).replace(/_/g, " ");

  const state = {
    facts: null,      /* GET /api/facts: ratio.facts/1 */
    layout: null,     /* GET /api/layout */
    rows: [],         /* GET /api/rows: the case file's rows */
    row: null,        /* the id, title and note of the row loaded, if any */
    seq: 0,           /* the latest evaluation asked for: older answers are dropped */
    askSteps: [],     /* the interview's answers, in order, by fact name (for Back) */
    askUnknown: [],   /* the facts answered "I don't know" */
    unheld: {},       /* answers from the address no control can hold (a value the
                         pack does not know): sent once, so the server says why */
    timer: 0,
    mode: "form",     /* the mode shown */
    startMode: null,  /* the mode the address asks for (the quiz), if any */
    quiz: {
      source: null,   /* "this": the form's hypothetical; "new": drawn from a seed */
      seed: "",       /* as text: a script holds numbers past 2^53 only so */
      count: 5, number: 1,
      doc: null,      /* the question shown (ratio.quiz-step/1) */
      checked: false, /* its answers are graded */
      askedOf: "",    /* the request it was asked with: the form's facts may change */
      score: {right: 0, asked: 0, graded: 0},
      seq: 0,         /* the latest request: older replies are dropped */
    },
  };

  async function api(path, body) {
    const opts = body === undefined ? {} : {
      method: "POST", headers: {"Content-Type": "application/json"}, body: JSON.stringify(body)};
    const r = await fetch(path, opts);
    const doc = await r.json();
    if (!r.ok) { const e = new Error(doc.error ? doc.error.message : r.statusText); e.doc = doc; throw e; }
    return doc;
  }

  /* ---- the form --------------------------------------------------------- */

  /* The answers a control gives: "" is unknown. */
  function control(f, finding) {
    const id = "fact-" + f.name;
    const help = f.help ? el("p", {class: "help", id: id + "-help", text: f.help}) : null;
    const err = el("p", {class: "err", id: id + "-err", hidden: true});
    const described = [help ? id + "-help" : null, id + "-err"].filter(Boolean).join(" ");
    const question = (f.ask || spaced(f.name)) + (finding ? " (a finding below)" : "");
    const name = el("span", {class: "name", text: " " + f.name});
    const box = el("div", {class: "fact", "data-fact": f.name});
    let values = null;
    if (finding) values = f.values;
    else if (f.type === "yesno") values = ["yes", "no"];
    else if (f.type === "oneof") values = f.values;
    if (f.type === "yesno" && !finding) {
      /* three radio buttons, unknown first */
      const fs = el("fieldset", {"aria-describedby": described},
        el("legend", {}, question, name));
      const choices = el("div", {class: "choices"});
      for (const v of ["", "yes", "no"]) {
        const rid = id + "-" + (v || "unknown");
        choices.append(el("label", {for: rid},
          el("input", {type: "radio", name: id, id: rid, value: v, checked: v === "", onchange: changed}),
          v ? v : "unknown"));
      }
      fs.append(choices);
      box.append(fs);
    } else if (values) {
      box.append(el("label", {for: id}, question, name));
      const s = el("select", {id, name: id, "aria-describedby": described, onchange: changed});
      s.append(el("option", {value: "", text: finding ? "no finding (derived from the facts)" : "unknown"}));
      for (const v of values) s.append(el("option", {value: v, text: spaced(v)}));
      box.append(s);
    } else {
      box.append(el("label", {for: id}, question, name));
      const type = f.type === "number" ? "number" : f.type === "date" ? "date" : "text";
      box.append(el("input", {type, id, name: id, "aria-describedby": described, step: type === "number" ? "any" : null,
        placeholder: "unknown", oninput: changed, onchange: changed}));
    }
    if (help) box.append(help);
    box.append(err);
    return box;
  }

  function buildForm() {
    const byName = new Map(state.facts.facts.map((f) => [f.name, f]));
    const findings = new Map((state.facts.findings || []).map((f) => [f.name, f]));
    const groups = $("groups");
    groups.textContent = "";
    for (const g of state.layout.groups) {
      const fs = el("fieldset", {class: "group"}, el("legend", {text: g.title}));
      for (const n of g.findings) if (findings.has(n)) fs.append(control(findings.get(n), true));
      for (const n of g.facts) if (byName.has(n)) fs.append(control(byName.get(n), false));
      groups.append(fs);
    }
  }

  /* Every control's answer, by fact name; blank ones left out. */
  function answers() {
    const out = {};
    for (const box of document.querySelectorAll(".fact")) {
      const name = box.dataset.fact;
      const checked = box.querySelector("input[type=radio]:checked");
      const field = box.querySelector("select, input:not([type=radio])");
      const v = checked ? checked.value : field ? field.value : "";
      box.classList.toggle("answered", v !== "");
      if (v !== "") out[name] = v;
    }
    return out;
  }

  /* Yes/no answers as the case reader takes them (y, true, 1, ...). */
  const YES = ["yes", "y", "true", "1"], NO = ["no", "n", "false", "0"];

  function setAnswers(values) {
    state.unheld = {};
    const known = new Set();
    for (const box of document.querySelectorAll(".fact")) {
      const name = box.dataset.fact;
      known.add(name);
      const v = values[name] || "";
      const radios = box.querySelectorAll("input[type=radio]");
      let held = v;
      if (radios.length) {
        const low = v.toLowerCase();
        held = YES.includes(low) ? "yes" : NO.includes(low) ? "no" : low === "" ? "" : null;
        for (const r of radios) r.checked = r.value === (held || "");
      } else {
        const field = box.querySelector("select, input");
        if (field) field.value = v;
        if (field && field.value !== v) held = null;
      }
      if (held === null) state.unheld[name] = v;
    }
    for (const [k, v] of Object.entries(values)) if (!known.has(k)) state.unheld[k] = v;
  }

  /* ---- the address ------------------------------------------------------- */

  /* ?id=...&FACT=VALUE...&as-of=DATE; ?row=ID loads a row of the case file.
     The quiz adds quiz-on=this (on the facts) or quiz-seed, quiz-count and
     quiz-number (drawn): names with a hyphen, which no fact can have. */
  function toAddress() {
    const q = new URLSearchParams();
    if (state.row) q.set("id", state.row.id);
    for (const [k, v] of Object.entries(answers())) q.set(k, v);
    if ($("as-of").value) q.set("as-of", $("as-of").value);
    const z = state.quiz;
    if (state.mode === "quiz" && z.source === "this") q.set("quiz-on", "this");
    if (state.mode === "quiz" && z.source === "new") {
      if (z.seed !== "") q.set("quiz-seed", z.seed);
      q.set("quiz-count", z.count);
      q.set("quiz-number", z.number);
    }
    const url = location.pathname + (q.toString() ? "?" + q : "");
    history.replaceState(null, "", url);
    $("permalink").href = url;
    $("permalink").textContent = state.mode === "quiz" ? "Link to this quiz" : "Link to this hypothetical";
  }

  function fromAddress() {
    const q = new URLSearchParams(location.search);
    if (q.get("as-of")) $("as-of").value = q.get("as-of");
    quizFromAddress(q);
    if (q.get("row")) { loadRow(q.get("row")); return; }
    const values = {};
    for (const [k, v] of q) if (k !== "id" && k !== "row" && k !== "as-of" && !k.startsWith("quiz-")) values[k] = v;
    const id = q.get("id");
    const known = id && state.rows.find((r) => r.id === id);
    state.row = id ? {id, title: known ? known.title : null, note: known ? known.note : null} : null;
    if (known) $("load-row").value = id;
    setAnswers(values);
  }

  function loadRow(id) {
    const row = state.rows.find((r) => r.id === id && r.facts);
    $("load-row").value = row ? id : "";
    state.row = row ? {id: row.id, title: row.title || null, note: row.note || null} : null;
    setAnswers(row ? row.facts : {});
    if (!row && id) status("No row of the case file has the id " + id + ".", true);
  }

  /* ---- results ----------------------------------------------------------- */

  function status(text, bad) {
    $("status").textContent = text;
    $("status").classList.toggle("bad", !!bad);
  }

  function badgeClass(v) {
    return v === "yes" ? "badge v-yes" : v === "no" ? "badge v-no"
      : v === null || v === "unknown" ? "badge v-unknown" : v === "not reached" ? "badge v-nr" : "badge";
  }
  const badge = (v) => el("span", {class: badgeClass(v), text: spaced(v === null ? "unknown" : v)});

  function authorities(list) {
    if (!list || !list.length) return null;
    const p = el("div", {class: "auth"}, "Authority: ");
    list.forEach((a, i) => {
      if (i) p.append("; ");
      p.append(el("cite", {text: a.full || a.cite || a.name}));
      if (a.quote) p.append(el("blockquote", {text: a.quote}));
    });
    return p;
  }

  function tree(node, label, seen, depth) {
    const title = (label ? label + " " : "") + node.title + ": ";
    if (node.value === null) return el("li", {}, title, badge("not reached"));
    if (seen.has(node.node)) return el("li", {}, title, badge(node.value), " (see " + seen.get(node.node) + ")");
    seen.set(node.node, label || "the outcome");
    const tags = [];
    if (node.state === "found_below") tags.push("found below");
    if (node.state === "no_finding") tags.push("no finding supplied");
    if (node.open) tags.push("left open");
    if (node.even_if) tags.push("even if");
    const summary = el("summary", {}, el("span", {class: "label", text: label}), " " + node.title + ": ", badge(node.value),
      tags.length ? el("span", {class: "tags", text: " (" + tags.join(", ") + ")"}) : null);
    const body = el("div", {class: "node-body"});
    if (node.sentence) body.append(el("p", {text: node.sentence}));
    if (node.facts && node.facts.length)
      body.append(el("p", {class: "facts", text: "Facts: " + node.facts.map((f) => f.fact + " = " + f.value).join(", ")}));
    const auth = authorities(node.authorities);
    if (auth) body.append(auth);
    const d = el("details", {open: depth < 1}, summary, body);
    if (node.children && node.children.length && depth < 64) {
      const ol = el("ol");
      node.children.forEach((k, i) => ol.append(tree(k, (label || "") + (i + 1) + ".", seen, depth + 1)));
      d.append(ol);
    }
    return el("li", {"data-node": node.node}, d);
  }

  function opinionMeta(name) {
    return (state.facts.opinions || []).find((o) => o.name === name) || {};
  }

  function showEval(doc) {
    const row = doc.rows[0];
    const box = $("opinions");
    const before = new Map([...box.querySelectorAll(".card")].map((c) => [c.id, c.dataset.outcome]));
    /* the reasoning a reader opened stays open as the facts change */
    const open = new Set([...box.querySelectorAll(".card > details[open]")].map((x) => x.parentNode.id));
    box.textContent = "";
    if (row.errors) {
      status(row.errors.map((e) => e.message).join("; "), true);
      return;
    }
    for (const r of row.results) {
      const meta = opinionMeta(r.opinion);
      // headed as every output heads it ("Brennan, J., dissenting"); older law with its span
      const who = r.span || meta.date || "";
      const outcome = r.outside ? "outside" : r.errors ? "error" : r.outcome;
      const card = el("article", {class: "card", id: "opinion-" + r.opinion, "data-outcome": outcome,
        "aria-labelledby": "opinion-" + r.opinion + "-h"});
      card.append(el("h3", {id: "opinion-" + r.opinion + "-h", text: r.heading || r.opinion}),
        who ? el("span", {class: "who", text: who}) : null);
      const line = el("p", {class: "line"}, (r.tree ? r.tree.title : spaced(r.decides)) + ":", badge(outcome));
      if (r.disposition && r.disposition !== "unknown") line.append(el("span", {class: "disp", text: spaced(r.disposition).toUpperCase()}));
      card.append(line);
      if (r.outside) card.append(el("p", {text: (r.outside.title || r.outside.name) + ". " + (r.outside.says || "")}));
      if (r.errors) card.append(el("p", {class: "error", text: r.errors.map((e) => e.message).join("\n")}));
      if (r.tree) {
        if (r.tree.sentence) card.append(el("p", {text: r.tree.sentence}));
        if (r.undecided && r.undecided.facts.length)
          card.append(el("p", {class: "undecided", text: (r.undecided.any_one_decides
            ? "Answering any one of these would decide it: " : "It turns on: ") + r.undecided.facts.join(", ") + "."}));
        const seen = new Map();
        const ol = el("ol", {class: "tree"});
        (r.tree.children || []).forEach((k, i) => ol.append(tree(k, (i + 1) + ".", seen, 1)));
        /* a reply to a change carries the outcomes alone: opening the
           reasoning asks for the trees */
        const cut = r.tree.cut === true;
        card.append(el("details", {open: open.has(card.id), "data-cut": cut ? "true" : null,
          ontoggle: (ev) => { if (cut && ev.target.open) evaluate(); }},
          el("summary", {text: "The reasoning, element by element"}),
          cut ? el("p", {class: "hint", text: "Loading the reasoning\u2026"}) : authorities(r.tree.authorities), ol));
      }
      if (before.has(card.id) && before.get(card.id) !== outcome) card.classList.add("changed");
      box.append(card);
    }
  }

  function showFieldErrors(doc) {
    for (const e of document.querySelectorAll(".fact .err")) { e.hidden = true; e.textContent = ""; }
    for (const f of document.querySelectorAll("[aria-invalid]")) f.removeAttribute("aria-invalid");
    const errs = doc && doc.error && doc.error.errors ? doc.error.errors : [];
    for (const e of errs) {
      const box = document.querySelector('.fact[data-fact="' + CSS.escape(e.fact || "") + '"]');
      if (!box) continue;
      const p = box.querySelector(".err");
      p.hidden = false;
      p.textContent = e.message + (e.hint ? "; " + e.hint : "");
      const field = box.querySelector("select, input");
      if (field) field.setAttribute("aria-invalid", "true");
    }
  }

  function request() {
    const body = {facts: Object.assign(answers(), state.unheld)};
    if (state.row) {
      body.id = state.row.id;
      if (state.row.title) body.title = state.row.title;
      if (state.row.note) body.note = state.row.note;
    }
    if ($("as-of").value) body.as_of = $("as-of").value;
    return body;
  }

  /* Each change is answered with the outcomes alone (depth 0: a few
     kilobytes rather than every tree of every opinion); the trees are asked
     for while a reader has some opinion's reasoning open. */
  function reasoningOpen() { return document.querySelector("#opinions .card > details[open]") !== null; }

  async function evaluate() {
    const seq = ++state.seq;
    toAddress();
    status("Deciding\u2026");
    try {
      const body = request();
      if (!reasoningOpen()) body.depth = 0;
      const doc = await api("/api/eval", body);
      if (seq !== state.seq) return;
      showFieldErrors(null);
      showEval(doc);
      const s = doc.summary;
      status(s.undecided ? "Some opinion leaves it undecided: see what would decide it below."
        : s.failed ? "A rule failed on this row." : "Decided under every opinion shown.");
    } catch (e) {
      if (seq !== state.seq) return;
      showFieldErrors(e.doc);
      status(e.message, true);
    }
    $("whatif").hidden = true;
    $("compare").hidden = true;
  }

  function changed() {
    state.unheld = {};
    clearTimeout(state.timer);
    state.timer = setTimeout(refresh, 120);
  }

  /* The results again, in the mode shown. */
  function refresh() {
    if (state.mode === "ask") { toAddress(); askStart(); }
    else if (state.mode === "quiz") quizRefresh();
    else evaluate();
  }

  /* ---- what would change it ---------------------------------------------- */

  function applyChanges(changes) {
    const values = answers();
    for (const c of changes) {
      const name = c.fact || c.finding;
      if (c.to === null) delete values[name]; else values[name] = c.to;
    }
    setAnswers(values);
    evaluate();
  }

  function showWhatif(doc) {
    const body = $("whatif-body");
    body.textContent = "";
    for (const o of doc.opinions) {
      const sec = el("section", {}, el("h3", {text: o.opinion + ": now " + spaced(o.outcome === null ? "outside" : o.outcome)
        + (o.disposition ? " (" + spaced(o.disposition).toUpperCase() + ")" : "")}));
      for (const t of (o.outcomes || []).concat(o.dispositions || [])) {
        const target = t.outcome !== undefined ? "To make it " + spaced(t.outcome) : "For the disposition " + spaced(t.disposition).toUpperCase();
        if (!t.ways.length) { sec.append(el("p", {text: target + ": no change found."})); continue; }
        sec.append(el("p", {text: target + ": " + t.fewest_changes + " change" + (t.fewest_changes === 1 ? "" : "s") + "."}));
        const ol = el("ol");
        for (const w of t.ways.slice(0, 8)) {
          const what = w.changes.map((c) => (c.fact || c.finding) + ": " + spaced(c.from === null ? "unknown" : c.from)
            + " \u2192 " + spaced(c.to === null ? "unknown" : c.to)).join("; ");
          ol.append(el("li", {}, what + " ", el("button", {type: "button", onclick: () => applyChanges(w.changes),
            "aria-label": "Try it: " + what, text: "Try it"})));
        }
        sec.append(ol);
        if (t.ways.length > 8 || t.more) sec.append(el("p", {class: "hint", text: "\u2026 and more of the same size."}));
      }
      body.append(sec);
    }
  }

  /* ---- where the opinions part ---------------------------------------------- */

  function showCompare(doc) {
    const body = $("compare-body");
    body.textContent = "";
    const row = doc.rows[0];
    if (row.errors) { body.append(el("p", {class: "error", text: row.errors.map((e) => e.message).join("\n")})); return; }
    const titles = new Map();
    const walk = (n) => { if (!n) return; titles.set(n.node, n.title); (n.children || []).forEach(walk); };
    (row.results || []).forEach((r) => walk(r.tree));
    if (row.outside) { body.append(el("p", {text: "Outside this pack: " + (row.outside.says || "")})); return; }
    if (!row.partings.length) { body.append(el("p", {text: "The opinions agree."})); return; }
    const ul = el("ul");
    for (const p of row.partings) {
      if (!p.node) { ul.append(el("li", {text: p.opinions.join(" and ") + " decide different questions."})); continue; }
      const [a, b] = p.sides;
      const li = el("li", {}, el("strong", {text: a.opinion + " and " + b.opinion + " part at " + (titles.get(p.node) || spaced(p.node))}),
        ": " + a.opinion + " says " + a.reads + "; " + b.opinion + " says " + b.reads + ".");
      const owners = [a.override_by, b.override_by].filter(Boolean);
      li.append(el("div", {class: "hint", text: owners.length ? "Responsible: " + [...new Set(owners)].join(" and ") + "'s override."
        : "No override: a value below it differs."}));
      ul.append(li);
    }
    body.append(ul);
  }

  async function runPanel(path, panel, show) {
    const sec = $(panel);
    sec.hidden = false;
    $(panel + "-body").textContent = "Searching\u2026";
    try { show(await api(path, request())); }
    catch (e) { $(panel + "-body").textContent = e.message; }
    sec.querySelector("h2").focus && sec.scrollIntoView({block: "nearest"});
  }

  /* ---- a CSV row ------------------------------------------------------------ */

  function csvCell(v) {
    v = v === undefined || v === null ? "" : String(v);
    return /[",\r\n]/.test(v) ? '"' + v.replace(/"/g, '""') + '"' : v;
  }

  function downloadRow() {
    const names = state.facts.facts.map((f) => f.name).concat((state.facts.findings || []).map((f) => f.name));
    const a = answers();
    const head = ["id", "title", "note"].concat(names);
    const row = [state.row ? state.row.id : "hypothetical", state.row ? state.row.title : "", state.row ? state.row.note : ""]
      .concat(names.map((n) => a[n]));
    const text = head.map(csvCell).join(",") + "\n" + row.map(csvCell).join(",") + "\n";
    const url = URL.createObjectURL(new Blob([text], {type: "text/csv"}));
    const link = el("a", {href: url, download: (state.row ? state.row.id : "hypothetical") + ".csv"});
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }

  /* ---- the interview ---------------------------------------------------------- */

  /* One question at a time, chosen by the server exactly as `ratio ask`
     chooses it (POST /api/ask). The form holds the answers, so the page's
     address holds the hypothetical here too; state.askSteps remembers the
     order they were given in, for Back, and state.askUnknown the facts
     answered "I don't know", which are not asked again. */
  function askBuild() {
    const box = $("mode-ask");
    if (box.firstChild) return;
    box.append(el("section", {class: "ask", "aria-labelledby": "ask-heading"},
      el("h2", {id: "ask-heading", text: "Interview"}),
      el("p", {class: "hint", text: "Each question is asked only while its answer can still change how an opinion "
        + "decides; the one that can settle the most opinions comes first. The answers fill the form."}),
      el("p", {id: "ask-status", class: "status", role: "status", "aria-live": "polite"}),
      el("div", {id: "ask-question"})),
    el("section", {class: "results", "aria-labelledby": "ask-results-heading"},
      el("h2", {id: "ask-results-heading", text: "So far"}),
      el("div", {id: "ask-results", "aria-live": "polite"})));
  }

  function askStatus(text, bad) {
    $("ask-status").textContent = text;
    $("ask-status").classList.toggle("bad", !!bad);
  }

  async function askStart() {
    askBuild();
    const seq = ++state.seq;
    const body = request();
    delete body.id; delete body.title; delete body.note;
    body.unknown = state.askUnknown.filter((f) => !(f in body.facts));
    askStatus("Choosing the next question\u2026");
    try {
      const doc = await api("/api/ask", body);
      if (seq !== state.seq) return;
      askStatus("");
      askShow(doc);
    } catch (e) {
      if (seq !== state.seq) return;
      askStatus(e.message, true);
    }
  }

  /* Answer the question: "" is "I don't know". */
  function askAnswer(fact, value) {
    const values = Object.assign(answers(), state.unheld);
    if (value === "") {
      delete values[fact];
      if (!state.askUnknown.includes(fact)) state.askUnknown.push(fact);
    } else {
      values[fact] = value;
    }
    state.askSteps.push(fact);
    setAnswers(values);
    toAddress();
    askStart();
  }

  function askBack() {
    const fact = state.askSteps.pop();
    if (fact === undefined) return;
    const values = Object.assign(answers(), state.unheld);
    delete values[fact];
    state.askUnknown = state.askUnknown.filter((f) => f !== fact);
    setAnswers(values);
    toAddress();
    askStart();
  }

  function askWhy(q) {
    const w = q.why;
    const box = el("div", {id: "ask-why", class: "panel"});
    const feeds = w.feeds.map((x) => x.title).concat(w.outside.map((x) => "whether the case is outside the pack ("
      + (x.title || x.name) + ")"));
    if (feeds.length) box.append(el("p", {text: "It feeds: " + feeds.join("; ") + "."}));
    if (w.decides.length) box.append(el("p", {text: "An answer can decide: " + w.decides.join("; ") + "."}));
    if (w.bears.length) box.append(el("p", {text: "It can change, with other answers: " + w.bears.join("; ") + "."}));
    if (!w.decides.length && !w.bears.length) box.append(el("p", {text: "No opinion turns on it any more."}));
    return box;
  }

  function askShow(doc) {
    const qbox = $("ask-question");
    qbox.textContent = "";
    const q = doc.question;
    const back = el("button", {type: "button", id: "ask-back", onclick: askBack, disabled: !state.askSteps.length,
      text: "Back"});
    if (q) {
      const n = state.askSteps.length + 1;
      const help = q.help ? el("p", {class: "help", id: "ask-help", text: q.help}) : null;
      const group = el("div", {class: "ask-answers", role: "group", "aria-labelledby": "ask-q",
        "aria-describedby": help ? "ask-help" : null});
      for (const v of q.answers)
        group.append(el("button", {type: "button", class: "answer", "data-value": v, onclick: () => askAnswer(q.fact, v),
          text: spaced(v)}));
      if (!q.answers.length) {
        /* a number, a date or text: typed, and checked by the server as a cell is */
        const type = q.type === "number" ? "number" : q.type === "date" ? "date" : "text";
        const input = el("input", {type, id: "ask-input", step: type === "number" ? "any" : null});
        const f = el("form", {class: "ask-typed", onsubmit: (e) => { e.preventDefault(); if (input.value) askAnswer(q.fact, input.value); }},
          el("label", {for: "ask-input", class: "sr", text: "Your answer"}), input,
          el("button", {type: "submit", text: "Answer"}));
        group.append(f);
      }
      const whyBtn = el("button", {type: "button", id: "ask-why-btn", "aria-expanded": "false", "aria-controls": "ask-why",
        text: "Why?"});
      const why = askWhy(q);
      why.hidden = true;
      whyBtn.addEventListener("click", () => {
        why.hidden = !why.hidden;
        whyBtn.setAttribute("aria-expanded", why.hidden ? "false" : "true");
      });
      if (help) qbox.append(help);
      qbox.prepend(el("h3", {id: "ask-q", tabindex: "-1", "data-fact": q.fact}, n + ". " + q.ask,
        el("span", {class: "name", text: " " + q.fact})));
      qbox.append(group,
        el("div", {class: "actions"},
          el("button", {type: "button", id: "ask-unknown", onclick: () => askAnswer(q.fact, ""), text: "I don't know"}),
          back, whyBtn), why);
      $("ask-q").focus();
    } else {
      qbox.append(el("h3", {id: "ask-q", tabindex: "-1", text: doc.settled ? "Every opinion is decided."
        : "Nothing left to ask could decide the rest."}),
        el("p", {class: "hint", text: "The facts are in the form; the page's address reproduces them."}),
        el("div", {class: "actions"}, back,
          el("button", {type: "button", onclick: () => { state.askSteps = []; state.askUnknown = [];
            state.row = null; $("load-row").value = ""; setAnswers({}); toAddress(); askStart(); }, text: "Start again"})));
      $("ask-q").focus();
    }
    $("ask-results-heading").textContent = q ? "So far" : "The results";
    const rbox = $("ask-results");
    rbox.textContent = "";
    for (const r of doc.results) {
      const outcome = r.outside ? "outside" : r.outcome;
      const card = el("article", {class: "card", id: "ask-opinion-" + r.opinion, "data-outcome": outcome,
        "data-settled": r.settled ? "yes" : "no", "aria-labelledby": "ask-opinion-" + r.opinion + "-h"});
      card.append(el("h3", {id: "ask-opinion-" + r.opinion + "-h", text: r.opinion + (r.title ? ": " + r.title : "")}));
      const line = el("p", {class: "line"}, r.settled ? "Decided:" : "Not yet decided:", badge(outcome));
      if (r.disposition && r.disposition !== "unknown") line.append(el("span", {class: "disp", text: spaced(r.disposition).toUpperCase()}));
      card.append(line);
      if (r.turns_on) card.append(el("p", {text: "It turns on " + r.turns_on.title + ": " + spaced(r.turns_on.value) + "."
        + (r.turns_on.says ? " " + r.turns_on.says : "")}));
      rbox.append(card);
    }
  }

  /* ---- the quiz ----------------------------------------------------------------- */

  /* `ratio quiz` on the page, a fact pattern at a time (POST /api/quiz, which
     keeps no session): each request names the fact pattern (the form's
     hypothetical, or the seed, the count and the number of one drawn) and,
     to grade, the answers. The server reads and grades them as `ratio quiz`
     does; the page keeps the running score. The address holds the source,
     so a link reproduces the quiz. */
  const QUIZ_MAX = 50;

  function quizFromAddress(q) {
    const z = state.quiz;
    if (q.get("quiz-on") === "this") z.source = "this";
    else if (q.has("quiz-seed") || q.has("quiz-count")) {
      z.source = "new";
      z.seed = /^[0-9]+$/.test(q.get("quiz-seed") || "") ? q.get("quiz-seed") : "";
      z.count = Math.min(QUIZ_MAX, Math.max(1, parseInt(q.get("quiz-count"), 10) || 5));
      z.number = Math.min(z.count, Math.max(1, parseInt(q.get("quiz-number"), 10) || 1));
    }
    if (z.source) state.startMode = "quiz";
  }

  function quizBuild() {
    const box = $("mode-quiz");
    if (box.firstChild) return;
    const source = (v, text) => el("label", {for: "quiz-source-" + v},
      el("input", {type: "radio", name: "quiz-source", id: "quiz-source-" + v, value: v, onchange: quizSourceShown}), text);
    box.append(
      el("section", {class: "quiz-side", "aria-labelledby": "quiz-heading"},
        el("h2", {id: "quiz-heading", text: "Quiz"}),
        el("p", {class: "hint", text: "Read the fact pattern. For each opinion, predict the outcome and the element "
          + "it turns on, then Check: every miss is explained."}),
        el("form", {id: "quiz-setup", class: "quiz-setup", onsubmit: (e) => { e.preventDefault(); quizNew(); }},
          el("fieldset", {}, el("legend", {text: "Fact patterns"}),
            el("div", {class: "choices"}, source("this", "This hypothetical (the facts in the form)"),
              source("new", "New ones, drawn near the boundaries"))),
          el("div", {class: "quiz-draw", id: "quiz-draw"},
            el("label", {for: "quiz-count", text: "How many"}),
            el("input", {type: "number", id: "quiz-count", min: 1, max: QUIZ_MAX, value: 5}),
            el("label", {for: "quiz-seed", text: "Seed"}),
            el("input", {type: "text", id: "quiz-seed", inputmode: "numeric", placeholder: "any", autocomplete: "off",
              "aria-describedby": "quiz-seed-help"}),
            el("p", {class: "help", id: "quiz-seed-help", text: "The same seed draws the same fact patterns for "
              + "everyone; blank picks one."})),
          el("button", {type: "submit", id: "quiz-start", text: "Start"})),
        el("p", {id: "quiz-score", class: "score"}),
        el("article", {id: "quiz-pattern", class: "card quiz-pattern", "aria-labelledby": "quiz-pattern-h"})),
      el("section", {class: "quiz-main", "aria-labelledby": "quiz-predict-heading"},
        el("h2", {id: "quiz-predict-heading", text: "Your predictions"}),
        el("p", {id: "quiz-status", class: "status", role: "status", "aria-live": "polite"}),
        el("form", {id: "quiz-answers", novalidate: true, onsubmit: (e) => { e.preventDefault(); quizCheck(); }})));
  }

  function quizStatus(text, bad) {
    $("quiz-status").textContent = text;
    $("quiz-status").classList.toggle("bad", !!bad);
  }

  /* The setup shows the quiz's source; the count and seed only for drawn ones. */
  function quizSetupShown() {
    const z = state.quiz;
    $("quiz-source-" + z.source).checked = true;
    $("quiz-count").value = z.count;
    $("quiz-seed").value = z.seed;
    quizSourceShown();
  }

  function quizSourceShown() {
    $("quiz-draw").hidden = !$("quiz-source-new").checked;
  }

  function quizScoreShown() {
    const s = state.quiz.score;
    $("quiz-score").textContent = s.graded ? "Score: " + s.right + " of " + s.asked + " answers right, over "
      + s.graded + " fact pattern" + (s.graded === 1 ? "" : "s") + "." : "";
  }

  /* The request for the fact pattern shown: the form's row, or one drawn. */
  function quizBody() {
    const z = state.quiz;
    if (z.source === "this") return request();
    const body = {generate: z.count, number: z.number};
    if (z.seed !== "") body.seed = z.seed;
    if ($("as-of").value) body.as_of = $("as-of").value;
    return body;
  }

  /* Entering the mode: the quiz the address names, or else the form's facts
     when it has some, new fact patterns when not. */
  function quizEnter() {
    quizBuild();
    const z = state.quiz;
    if (z.doc && z.askedOf === JSON.stringify(quizBody())) { toAddress(); return; }
    if (!z.source) z.source = Object.keys(answers()).length ? "this" : "new";
    quizSetupShown();
    quizLoad();
  }

  /* Start: the setup's choices, a new score. */
  function quizNew() {
    const z = state.quiz;
    const seed = $("quiz-seed").value.trim();
    if (seed !== "" && !/^[0-9]+$/.test(seed)) {
      quizStatus("The seed is a whole number, or blank for any.", true);
      $("quiz-seed").focus();
      return;
    }
    z.source = $("quiz-source-this").checked ? "this" : "new";
    z.count = Math.min(QUIZ_MAX, Math.max(1, parseInt($("quiz-count").value, 10) || 5));
    z.seed = seed;
    z.number = 1;
    z.score = {right: 0, asked: 0, graded: 0};
    quizScoreShown();
    quizSetupShown();
    quizLoad();
  }

  /* The facts or the law of the day changed (the toolbar): a quiz on the
     form's facts, or drawn under other law, asks again. */
  function quizRefresh() {
    if (state.quiz.askedOf !== JSON.stringify(quizBody())) quizLoad(); else toAddress();
  }

  async function quizLoad() {
    const z = state.quiz, seq = ++z.seq, body = quizBody();
    z.checked = false;
    quizStatus(z.source === "new" ? "Drawing the fact pattern\u2026" : "Reading the facts\u2026");
    try {
      const doc = await api("/api/quiz", body);
      if (seq !== z.seq) return;
      /* the server picked the seed: kept, so that a link draws the same */
      if (z.source === "new" && z.seed === "") z.seed = String(doc.seed);
      z.doc = doc;
      z.askedOf = JSON.stringify(quizBody());
      quizSetupShown();
      toAddress();
      quizStatus("");
      quizShow(doc);
    } catch (e) {
      if (seq !== z.seq) return;
      z.doc = null;
      $("quiz-pattern").textContent = "";
      $("quiz-answers").textContent = "";
      quizStatus(e.message, true);
    }
  }

  function quizPatternCard(doc) {
    const z = state.quiz, fp = doc.fact_pattern, q = doc.question;
    const card = $("quiz-pattern");
    card.textContent = "";
    card.append(el("h3", {id: "quiz-pattern-h", tabindex: "-1", text: z.source === "new"
      ? "Fact pattern " + fp.number + " of " + doc.generate : "This hypothetical"}));
    card.append(el("p", {class: "who", text: fp.id + (fp.title ? ": " + fp.title : "")
      + (z.source === "new" ? " (seed " + z.seed + ")" : "")}));
    card.append(el("p", {class: "prose", text: fp.prose || "No fact is stated."}));
    card.append(el("p", {class: "hint", text: "Facts not stated are not known."}));
    if (q.outside) card.append(el("p", {class: "outside", text: "This fact pattern is outside the pack ("
      + (q.outside.title || q.outside.name) + ")" + (q.outside.says ? ": " + q.outside.says : ".")
      + " There is nothing to predict."}));
  }

  /* One opinion's questions: the outcome as radio buttons, the element as a
     list in the outline's order, indented by its depth. */
  function quizOpinion(o, elements) {
    const id = "quiz-" + o.opinion;
    const fs = el("fieldset", {class: "quiz-opinion", id, "data-opinion": o.opinion}, el("legend", {text: o.heading}));
    if (o.error) {
      fs.append(el("p", {class: "error", text: "Not asked: a rule failed. " + o.error}));
      return fs;
    }
    const choices = el("div", {class: "choices"});
    o.outcomes.forEach((c, i) => choices.append(el("label", {for: id + "-outcome-" + i},
      el("input", {type: "radio", name: id + "-outcome", id: id + "-outcome-" + i, value: c.value}), c.label)));
    fs.append(el("fieldset", {class: "quiz-outcome"}, el("legend", {text: "Outcome: " + o.decides.title}), choices));
    if (o.element) {
      const s = el("select", {id: id + "-element", name: id + "-element"});
      s.append(el("option", {value: "", text: "(choose an element)"}));
      for (const x of elements) s.append(el("option", {value: x.node, text: "\u00a0\u00a0\u00a0".repeat(x.depth) + x.title}));
      fs.append(el("div", {class: "quiz-element"}, el("label", {for: id + "-element", text: "The element it turns on"}), s));
    } else {
      fs.append(el("p", {class: "hint", text: "Nothing below the outcome settles it: only the outcome is asked."}));
    }
    fs.append(el("div", {class: "grade", id: id + "-grade", hidden: true}));
    return fs;
  }

  function quizShow(doc) {
    quizPatternCard(doc);
    const form = $("quiz-answers");
    form.textContent = "";
    const q = doc.question;
    for (const o of q.opinions) form.append(quizOpinion(o, q.elements));
    const asks = q.opinions.some((o) => !o.error);
    form.append(el("div", {class: "actions"},
      asks ? el("button", {type: "submit", id: "quiz-check", text: "Check"}) : null,
      el("button", {type: "button", id: "quiz-next", onclick: quizNext, hidden: asks, text: quizNextLabel()})));
    $("quiz-pattern-h").focus();
  }

  function quizNextLabel() {
    const z = state.quiz;
    return z.source === "new" && z.number < z.count ? "Next fact pattern" : "Next: new fact patterns";
  }

  function quizNext() {
    const z = state.quiz;
    if (z.source === "new" && z.number < z.count) z.number++;
    else { z.source = "new"; z.seed = ""; z.number = 1; }
    quizSetupShown();
    quizLoad();
  }

  /* The answers given, by opinion; the first question left unanswered, if any. */
  function quizAnswers(doc) {
    const out = {};
    let missing = null;
    for (const o of doc.question.opinions) {
      if (o.error) continue;
      const r = document.querySelector('input[name="quiz-' + o.opinion + '-outcome"]:checked');
      const s = $("quiz-" + o.opinion + "-element");
      out[o.opinion] = {outcome: r ? r.value : null, element: s && s.value ? s.value : null};
      if (!missing && !r) missing = {o, focus: $("quiz-" + o.opinion + "-outcome-0")};
      else if (!missing && s && !s.value) missing = {o, focus: s};
    }
    return {answers: out, missing};
  }

  async function quizCheck() {
    const z = state.quiz;
    if (z.checked || !z.doc) return;
    const {answers: given, missing} = quizAnswers(z.doc);
    if (missing) {
      quizStatus("Answer every question first: " + missing.o.heading + " has one left.", true);
      missing.focus.focus();
      return;
    }
    const seq = ++z.seq;
    quizStatus("Checking\u2026");
    try {
      const doc = await api("/api/quiz", Object.assign(quizBody(), {answers: given}));
      if (seq !== z.seq) return;
      z.checked = true;
      z.score.right += doc.score.right;
      z.score.asked += doc.score.asked;
      z.score.graded++;
      quizGrades(doc);
    } catch (e) {
      if (seq !== z.seq) return;
      quizStatus(e.message, true);
    }
  }

  /* What an opinion decides, the student's answers graded, and for a miss
     its reasoning, opened along the elements that decide it. */
  function quizGrade(g, titles) {
    const box = el("div", {});
    const title = (n) => titles.get(n) || spaced(n);
    if (g.error) { box.append(el("p", {class: "error", text: g.error})); return box; }
    const line = el("p", {class: "line"}, "It decides:", badge(g.outcome));
    if (g.disposition && g.disposition !== "unknown") line.append(el("span", {class: "disp", text: spaced(g.disposition).toUpperCase()}));
    box.append(line);
    const said = (v) => v === null ? "no answer" : v;
    box.append(el("p", {class: g.right.outcome ? "right" : "wrong"}, (g.right.outcome ? "\u2714 " : "\u2718 ")
      + "Outcome: you said " + spaced(said(g.answer.outcome)) + ": " + (g.right.outcome ? "right." : "wrong.")));
    if (g.right.element !== null) {
      let text = "Element: you said " + (g.answer.element ? title(g.answer.element) : "no answer") + ": "
        + (g.right.element ? "right" : "wrong") + "; it turns on " + title(g.turns_on) + ".";
      if (!g.right.element && g.accepted.length > 1) text += " Any of these counts: " + g.accepted.map(title).join(", ") + ".";
      box.append(el("p", {class: g.right.element ? "right" : "wrong"}, (g.right.element ? "\u2714 " : "\u2718 ") + text));
    }
    if (g.explanation) {
      const x = g.explanation, seen = new Map(), ol = el("ol", {class: "tree"});
      (x.children || []).forEach((k, i) => ol.append(tree(k, (i + 1) + ".", seen, 1)));
      const accepted = new Set(g.accepted);
      for (const li of ol.querySelectorAll("li[data-node]")) {
        if (!accepted.has(li.dataset.node)) continue;
        const d = li.querySelector(":scope > details");
        if (d) d.open = true;
        if (li.dataset.node === g.turns_on) li.classList.add("turns-on");
      }
      box.append(el("details", {class: "why", open: true}, el("summary", {text: "Why: the reasoning, element by element"}),
        x.sentence ? el("p", {text: x.sentence}) : null, authorities(x.authorities), ol));
    }
    return box;
  }

  function quizBoundary(b, doc) {
    if (!b) return null;
    const parts = [];
    if (b.disagree) parts.push("the opinions part ways here.");
    if (b.flip) {
      const o = doc.question.opinions.find((x) => x.opinion === b.flip.opinion) || {heading: b.flip.opinion, decides: {}};
      /* the fact's own sentence for the other answer, as `ratio quiz` says it */
      const f = state.facts.facts.find((x) => x.name === b.flip.fact);
      const says = f && f.says ? f.says[b.flip.to] : null;
      parts.push("One fact changes an outcome: if instead " + (says ? "\u201c" + says + "\u201d"
        : spaced(b.flip.fact) + " were " + spaced(b.flip.to)) + ", " + o.heading
        + " would decide " + (o.decides.title || "it") + ": " + spaced(b.flip.outcome) + ".");
    }
    return parts.length ? el("p", {class: "boundary"}, el("strong", {text: "The boundary: "}), parts.join(" ")) : null;
  }

  function quizGrades(doc) {
    const z = state.quiz, fp = doc.fact_pattern;
    const titles = new Map(doc.question.elements.map((x) => [x.node, x.title]));
    for (const g of fp.opinions) {
      const fs = $("quiz-" + g.opinion);
      if (!fs) continue;
      for (const c of fs.querySelectorAll("input, select")) c.disabled = true;
      /* the answer as it reads, without the outline's indent (the list is closed now) */
      const chosen = fs.querySelector("select option:checked");
      if (chosen && chosen.value) chosen.textContent = titles.get(chosen.value) || chosen.textContent;
      const box = $("quiz-" + g.opinion + "-grade");
      if (!box) continue;
      box.textContent = "";
      box.append(quizGrade(g, titles));
      box.hidden = false;
      const all = !g.error && g.right.outcome && g.right.element !== false;
      fs.classList.add(all ? "all-right" : "missed");
    }
    const boundary = quizBoundary(fp.boundary, doc);
    if (boundary) $("quiz-pattern").append(boundary);
    const check = $("quiz-check");
    if (check) { check.disabled = true; check.hidden = true; }
    const next = $("quiz-next");
    next.textContent = quizNextLabel();
    next.hidden = false;
    quizScoreShown();
    const s = z.score;
    quizStatus("This fact pattern: " + doc.score.right + " of " + doc.score.asked + " right. Score so far: " + s.right
      + " of " + s.asked + ".");
    next.focus();
  }

  /* ---- modes ---------------------------------------------------------------- */

  /* The page's modes, as the layout lists them: the form, the interview
     ("ask") and the quiz, each drawing into its own element (#mode-form,
     #mode-ask, #mode-quiz) from its own API route. */
  const modes = {
    form: {label: "Facts and results", start: () => evaluate()},
    ask: {label: "Interview", start: askStart},
    quiz: {label: "Quiz", start: quizEnter},
  };

  function showMode(m) {
    state.mode = m;
    for (const b of $("modes").querySelectorAll("button")) b.setAttribute("aria-pressed", b.dataset.mode === m ? "true" : "false");
    for (const x of state.layout.modes.filter((k) => modes[k])) $("mode-" + x).hidden = x !== m;
    toAddress();
    modes[m].start();
  }

  function buildModes() {
    const nav = $("modes");
    const usable = state.layout.modes.filter((m) => modes[m]);
    nav.hidden = usable.length < 2;
    for (const m of usable)
      nav.append(el("button", {type: "button", "data-mode": m, "aria-pressed": m === "form" ? "true" : "false",
        onclick: () => showMode(m), text: modes[m].label}));
  }

  /* ---- start ---------------------------------------------------------------- */

  async function start() {
    try {
      [state.facts, state.layout] = await Promise.all([api("/api/facts"), api("/api/layout")]);
      state.rows = (await api("/api/rows")).rows;
    } catch (e) {
      status("The server did not answer: " + e.message, true);
      return;
    }
    const p = state.layout.pack;
    document.title = "Ratio: " + (p.title || p.name);
    $("pack-name").textContent = p.name || "";
    $("pack-title").textContent = p.title || p.name || "Ratio";
    $("pack-case").textContent = p.case || "";
    const pick = $("load-row");
    for (const r of state.rows) {
      pick.append(el("option", {value: r.id, disabled: !r.facts,
        text: r.id + (r.title ? ": " + r.title : "") + (r.facts ? "" : " (cannot be read)")}));
    }
    pick.closest(".toolbar").querySelector("label[for=load-row]").hidden = !state.rows.length;
    pick.hidden = !state.rows.length;
    buildModes();
    buildForm();
    pick.addEventListener("change", () => { loadRow(pick.value); refresh(); });
    $("as-of").addEventListener("change", changed);
    $("reset").addEventListener("click", () => {
      state.row = null; pick.value = ""; state.askSteps = []; state.askUnknown = []; setAnswers({});
      refresh();
    });
    $("download").addEventListener("click", downloadRow);
    $("run-whatif").addEventListener("click", () => runPanel("/api/whatif", "whatif", showWhatif));
    $("run-compare").addEventListener("click", () => runPanel("/api/compare", "compare", showCompare));
    fromAddress();
    if (state.startMode && state.layout.modes.includes(state.startMode)) showMode(state.startMode);
    else evaluate();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
