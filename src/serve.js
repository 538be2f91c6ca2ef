/* The classroom page of `ratio serve`: the pack's facts as a form, every
   opinion's result as the answers change, the reasoning, what would change
   it and where the opinions part. Everything comes from the server's own
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

  /* ?id=...&FACT=VALUE...&as-of=DATE; ?row=ID loads a row of the case file. */
  function toAddress() {
    const q = new URLSearchParams();
    if (state.row) q.set("id", state.row.id);
    for (const [k, v] of Object.entries(answers())) q.set(k, v);
    if ($("as-of").value) q.set("as-of", $("as-of").value);
    const url = location.pathname + (q.toString() ? "?" + q : "");
    history.replaceState(null, "", url);
    $("permalink").href = url;
  }

  function fromAddress() {
    const q = new URLSearchParams(location.search);
    if (q.get("as-of")) $("as-of").value = q.get("as-of");
    if (q.get("row")) { loadRow(q.get("row")); return; }
    const values = {};
    for (const [k, v] of q) if (k !== "id" && k !== "row" && k !== "as-of") values[k] = v;
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
    return el("li", {}, d);
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
    if (!$("mode-ask").hidden) { toAddress(); askStart(); } else evaluate();
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

  /* ---- modes ---------------------------------------------------------------- */

  /* The page's modes, as the layout lists them: the form is built here; the
     interview ("ask") and the quiz ("quiz") register their start functions
     in this table as they are built, each drawing into its own element
     (#mode-ask, #mode-quiz) from its own API route. */
  const modes = {
    form: {label: "Facts and results", start: () => evaluate()},
    ask: {label: "Interview", start: askStart},
  };

  function buildModes() {
    const nav = $("modes");
    const usable = state.layout.modes.filter((m) => modes[m]);
    nav.hidden = usable.length < 2;
    for (const m of usable) {
      nav.append(el("button", {type: "button", "aria-pressed": m === "form" ? "true" : "false", onclick: () => {
        for (const b of nav.querySelectorAll("button")) b.setAttribute("aria-pressed", b.textContent === modes[m].label ? "true" : "false");
        for (const x of usable) $("mode-" + x).hidden = x !== m;
        modes[m].start();
      }, text: modes[m].label}));
    }
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
    evaluate();
  }

  document.addEventListener("DOMContentLoaded", start);
})();
