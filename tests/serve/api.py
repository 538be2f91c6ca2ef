"""The JSON API of `ratio serve` through a plain HTTP client (http.client):
the same documents as the command line, byte for byte; every kind of bad
request answered with a clear 4xx, none of which stops the server; and 200
requests at once with nothing lost. Bounded: every request has a timeout.

Usage: RATIO=./ratio api.py PORT LUA_PORT   (servers of rules/due_process
with -f cases/decided.csv, and of tests/bench/davidson_lua)
Ends with "serve-api: N passed, N failed".
"""
import csv
import http.client
import json
import os
import subprocess
import sys
import threading

PORT, LUA_PORT = int(sys.argv[1]), int(sys.argv[2])
RATIO = os.environ["RATIO"]
DP = "rules/due_process"
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("PASS", name)
    else:
        failed += 1
        print("FAIL", name, detail[:600])


def request(method, path, body=None, headers=None, port=PORT, raw=None):
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    h = {"Content-Type": "application/json"} if body is not None or raw is not None else {}
    h.update(headers or {})
    data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
    c.request(method, path, body=data, headers=h)
    r = c.getresponse()
    out = (r.status, r.read(), dict(r.getheaders()))
    c.close()
    return out


def cli(*args):
    r = subprocess.run([RATIO, *args], capture_output=True, timeout=60)
    return r.stdout, r.stderr.decode()


def sets_of(req):
    out = []
    for k in ("id", "title", "note"):
        if k in req:
            out += ["--set", f"{k}={req[k]}"]
    for k, v in req.get("facts", {}).items():
        out += ["--set", f"{k}={v}"]
    return out


# ---- the same documents as the command line ---------------------------------
st, body, hdr = request("GET", "/api/facts")
want, _ = cli("facts", DP, "--format", "json")
check("GET /api/facts is ratio facts --format json", st == 200 and body == want, body[:200].decode())

st, body, _ = request("GET", "/api/rows")
rows = json.loads(body)["rows"] if st == 200 else []
check("GET /api/rows lists the case file", st == 200 and any(r["id"] == "davidson_1986" for r in rows))
davidson = next((r for r in rows if r["id"] == "davidson_1986"), {"id": "x", "facts": {}})
req = {"id": davidson["id"], "title": davidson.get("title", ""), "facts": davidson["facts"]}
for path, cmd, extra in (("/api/eval", "eval", {}), ("/api/compare", "compare", {}),
                         ("/api/whatif", "whatif", {"opinion": "brennan"}),
                         ("/api/eval", "eval", {"as_of": "1986-01-21"}),
                         ("/api/eval", "eval", {"opinion": "blackmun"})):
    r = dict(req, **extra)
    st, body, _ = request("POST", path, r)
    args = [cmd, DP, *sets_of(req), "--format", "json"]
    if "opinion" in extra:
        args += ["--opinion", extra["opinion"]]
    if "as_of" in extra:
        args += ["--as-of", extra["as_of"]]
    want, err = cli(*args)
    check(f"POST {path} {extra} is ratio {cmd} --set ... --format json, byte for byte",
          st == 200 and body == want and len(want) > 100, f"{st} {body[:300]!r} / {err}")

# "depth": the trees cut as --depth N cuts them (what the page asks on each
# change: depth 0), byte for byte; on a second request with the same depth
# (the kept renderer) too, and the full trees after it again
for depth in (0, 0, 2):
    st, body, _ = request("POST", "/api/eval", dict(req, depth=depth))
    want, err = cli("eval", DP, *sets_of(req), "--depth", str(depth), "--format", "json")
    cut = st == 200 and all(r["tree"].get("cut") or not r["tree"]["children"] for r in json.loads(body)["rows"][0]["results"])
    check(f"depth {depth}: ratio eval --depth {depth} --format json, byte for byte", st == 200 and body == want
          and (cut if depth == 0 else '"cut":true' in body.decode()) and len(want) < 40000, f"{st} {body[:300]!r} / {err}")
st, body, _ = request("POST", "/api/eval", req)
want, _ = cli("eval", DP, *sets_of(req), "--format", "json")
check("no depth after a depth: every tree in full", st == 200 and body == want and b'"cut"' not in body)
st, body, _ = request("POST", "/api/eval", dict(req, depth=-1))
check("a depth that is not a whole number from 0: 400", st == 400 and "'depth' must be" in body.decode(), body.decode())
st, body, _ = request("POST", "/api/compare", dict(req, depth=0))
check("depth is eval's alone: 400 on compare", st == 400 and "unknown key 'depth'" in body.decode(), body.decode())

# blank or absent is unknown; null too
st, a, _ = request("POST", "/api/eval", {"id": "b", "facts": {"status": "", "harm": None}})
st2, b, _ = request("POST", "/api/eval", {"id": "b"})
check("blank, null and absent facts are unknown", st == st2 == 200 and a == b)

# ---- bad requests: a clear 4xx each -------------------------------------------
def error_of(st, body):
    try:
        return json.loads(body)["error"]
    except Exception:
        return {"message": body[:200].decode(errors="replace")}

st, body, _ = request("POST", "/api/eval", raw=b'{"id": "x", "facts": {')
check("malformed JSON: 400", st == 400 and "not JSON" in error_of(st, body)["message"], body.decode())
st, body, _ = request("POST", "/api/eval", raw=b'["a"]')
check("JSON that is not an object: 400", st == 400, body.decode())
st, body, _ = request("POST", "/api/eval", {"id": "x", "fats": {}})
check("an unknown key: 400", st == 400 and "unknown key 'fats'" in error_of(st, body)["message"], body.decode())
st, body, _ = request("POST", "/api/eval", {"facts": {"statu": "free"}})
e = error_of(st, body)
check("an unknown fact: 400 with a suggestion", st == 400 and e.get("errors", [{}])[0].get("fact") == "statu"
      and "unknown fact 'statu'; did you mean 'status'?" == e["message"], body.decode())
st, body, _ = request("POST", "/api/eval", {"facts": {"culpability": "neglignt"}})
_, cli_err = cli("eval", DP, "--set", "culpability=neglignt")
e = error_of(st, body)
check("a bad value: 400 with the command line's message", st == 400 and cli_err.startswith("--set culpability=neglignt: error: ")
      and cli_err.strip().split(": error: ", 1)[1] == e["message"], f"{body!r} vs {cli_err!r}")
st, body, _ = request("POST", "/api/eval", {"facts": {"status": ["free"]}})
check("a value that is not a string: 400", st == 400, body.decode())
st, body, _ = request("POST", "/api/eval", {"facts": {"a=b": "x"}})
check("a name with '=': 400", st == 400 and "unknown fact" in error_of(st, body)["message"], body.decode())
st, body, _ = request("POST", "/api/eval", {"opinion": "brenan"})
_, cli_err = cli("eval", DP, "--set", "id=x", "--opinion", "brenan")
check("an unknown opinion: 400 with the command line's message", st == 400
      and error_of(st, body)["message"] == cli_err.strip().split("error: ", 1)[1], f"{body!r} vs {cli_err!r}")
st, body, _ = request("POST", "/api/eval", {"as_of": "1986-13-01"})
check("a bad as_of: 400", st == 400 and "is not a date" in error_of(st, body)["message"], body.decode())
st, body, _ = request("POST", "/api/eval", {"id": "x", "all_opinions": True})
want, _ = cli("eval", DP, "--set", "id=x", "--all-opinions", "--format", "json")
check("all_opinions: every opinion, as --all-opinions", st == 200 and body == want, body[:300].decode())
st, body, _ = request("POST", "/api/eval", {"all_opinions": "yes"})
check("all_opinions not a boolean: 400", st == 400 and "true or false" in error_of(st, body)["message"], body.decode())
big = {"id": "big", "note": "x" * 70000}
st, body, _ = request("POST", "/api/eval", big)
check("an oversized body: 413", st == 413 and "too large" in error_of(st, body)["message"], body.decode())


def chunked_oversize():
    c = http.client.HTTPConnection("127.0.0.1", PORT, timeout=30)
    c.putrequest("POST", "/api/eval")
    c.putheader("Content-Type", "application/json")
    c.putheader("Transfer-Encoding", "chunked")
    c.endheaders()
    chunk = b"x" * 8192
    try:
        for _ in range(10):
            c.send(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        c.send(b"0\r\n\r\n")
        r = c.getresponse()
        return r.status
    except (BrokenPipeError, ConnectionResetError):
        return 413
    finally:
        c.close()


check("an oversized body without a length: 413", chunked_oversize() == 413)
st, body, _ = request("GET", "/?" + "a=" + "b" * 9000)
check("an overlong address: 414", st in (414, 431), str(st))
st, body, hdr = request("GET", "/api/eval")
check("GET on the API: 405 with Allow", st == 405 and hdr.get("Allow") == "POST", str(hdr))
st, body, hdr = request("POST", "/api/facts", {})
check("POST on a document: 405", st == 405, str(st))
st, body, _ = request("POST", "/api/eval", raw=b'{}', headers={"Content-Type": "application/x-www-form-urlencoded"})
check("a form post (not JSON): 415", st == 415, str(st))
st, body, _ = request("GET", "/../../etc/passwd")
check("a path outside the page: 404", st == 404 and b"root:" not in body, str(st))
st, body, _ = request("GET", "/cases/decided.csv")
check("files are never served by path: 404", st == 404, str(st))
st, body, _ = request("GET", "/api/facts", headers={"Host": "evil.example:80"})
check("another Host name: 421", st == 421, str(st))
st, body, hdr = request("GET", "/")
check("the page: 200, with its security policy", st == 200 and b"/serve.js" in body
      and "default-src 'none'" in hdr.get("Content-Security-Policy", ""), str(hdr))
for asset in ("/serve.js", "/serve.css", "/report.css"):
    st, body, _ = request("GET", asset)
    check(f"GET {asset}", st == 200 and len(body) > 100)
st, body, _ = request("HEAD", "/api/facts")
check("HEAD", st == 200 and body == b"")

# ---- the interview: POST /api/ask ----------------------------------------------
st, body, _ = request("POST", "/api/ask", raw=b'{"facts": {')
check("ask: malformed JSON: 400", st == 400 and "not JSON" in error_of(st, body)["message"], body.decode())
st, body, _ = request("POST", "/api/ask", {"facts": {"culpability": "neglignt"}})
_, cli_err = cli("ask", DP, "--set", "culpability=neglignt")
check("ask: a bad value: 400 with the command line's message", st == 400 and "--set culpability=neglignt: error: " in cli_err
      and cli_err.strip().split(": error: ", 1)[1] == error_of(st, body)["message"], f"{body!r} vs {cli_err!r}")
st, body, _ = request("POST", "/api/ask", {"unknown": ["statu"]})
check("ask: an unknown fact left unknown: 400", st == 400 and "statu" in error_of(st, body)["message"], body.decode())
st, body, _ = request("POST", "/api/ask", {"unknown": "status"})
check("ask: 'unknown' not a list: 400", st == 400, body.decode())
st, body, hdr = request("GET", "/api/ask")
check("ask: GET is 405", st == 405 and hdr.get("Allow") == "POST", body.decode())
st, body, _ = request("GET", "/api/layout")
check("the layout lists the interview", st == 200 and "ask" in json.loads(body)["modes"], body.decode()[:200])

# Davidson's facts, answered as the interview asks them
with open(os.path.join(DP, "cases", "davidson.csv"), newline="") as fh:
    dav = next(r for r in csv.DictReader(fh) if r["id"] == "davidson")
nfacts = len(json.loads(request("GET", "/api/facts")[1])["facts"])
answers, unknown, order, asked, step, ok = {}, [], [], [], None, True
for _ in range(nfacts + 1):
    st, body, _ = request("POST", "/api/ask", {"facts": answers, "unknown": unknown})
    if st != 200:
        ok = False
        break
    step = json.loads(body)
    q = step["question"]
    if q is None:
        break
    v = dav.get(q["fact"], "")
    order.append(v)
    asked.append(q["fact"])
    if v:
        answers[q["fact"]] = v
    else:
        unknown.append(q["fact"])
check("ask: Davidson's interview settles every opinion", ok and step and step["schema"] == "ratio.ask-step/1"
      and step["settled"] and all(r["settled"] and r["outcome"] for r in step["results"]), str(step)[:400])
check("ask: in fewer questions than the pack has facts", 0 < len(order) < nfacts, f"{len(order)} of {nfacts}")
r = subprocess.run([RATIO, "ask", DP, "--format", "json"], input="".join(v + "\n" for v in order).encode(),
                   capture_output=True, timeout=60)
transcript = json.loads(r.stdout) if r.returncode == 0 else {"results": None, "questions": []}
strip = [{k: v for k, v in x.items() if k not in ("settled", "cut")} for x in (step or {}).get("results", [])]
check("ask: the questions and results are ratio ask's for the same answers", strip == transcript["results"]
      and [q["fact"] for q in transcript["questions"]] == asked, f"{strip} vs {transcript.get('results')}")


# ---- the quiz: POST /api/quiz -----------------------------------------------------
def quiz(body):
    st, raw, _ = request("POST", "/api/quiz", body)
    return st, (json.loads(raw) if raw.startswith(b"{") else {}), raw


def quiz_cli(args, lines):
    """ratio quiz ... --format json with the answers on standard input."""
    r = subprocess.run([RATIO, "quiz", DP, *args, "--format", "json"], input="".join(x + "\n" for x in lines).encode(),
                       capture_output=True, timeout=60)
    return json.loads(r.stdout) if r.returncode == 0 else {"fact_patterns": [], "err": r.stderr.decode()}


def typed(question, answers):
    """The answers as `ratio quiz` reads them: per opinion its outcome, then
    its element when it is asked."""
    out = []
    for o in question["opinions"]:
        a = answers[o["opinion"]]
        out.append(str(a["outcome"]))
        if o["element"]:
            out.append(str(a["element"]))
    return out


dav_req = {"id": "davidson", "title": dav["title"],
           "facts": {k: v for k, v in dav.items() if v and k not in ("id", "title", "note") and not k.startswith("expect")}}
st, qn, raw = quiz(dav_req)
check("quiz: Davidson's question", st == 200 and qn["schema"] == "ratio.quiz-step/1" and qn["score"] is None
      and [o["opinion"] for o in qn["question"]["opinions"]] == ["majority", "brennan", "blackmun"]
      and "The court below found the state of mind: negligent." in qn["fact_pattern"]["prose"], raw[:300])
check("quiz: the question hides the answer key (no outcome, no element, no boundary)",
      all(w not in raw for w in (b"turns_on", b"accepted", b"explanation", b"disposition", b'"boundary"'))
      and qn["fact_pattern"]["opinions"] == [], raw[:300])
q0 = qn["question"]["opinions"][0] if st == 200 else {"outcomes": [], "heading": None, "decides": {}}
check("quiz: each opinion's heading, question and outcome choices", q0["heading"] == "Rehnquist, J., for the Court"
      and q0["decides"] == {"node": "claim", "title": "Section 1983 claim"}
      and [c["label"] for c in q0["outcomes"]] == ["no", "yes", "unknown (left open)"], str(q0)[:300])
els = qn["question"]["elements"] if st == 200 else []
check("quiz: the element choices as an outline", els and els[0]["depth"] == 0 and any(e["depth"] == 2 for e in els)
      and [e["node"] for e in els] == qn["fact_pattern"]["elements"], str(els[:3]))

# a first try: the majority's by number and by the start of a title, the others wrong
first = {"majority": {"outcome": 1, "element": "depriv"}, "brennan": {"outcome": "yes", "element": "state action"},
         "blackmun": {"outcome": "no", "element": 1}}
st, g, raw = quiz(dict(dav_req, answers=first))
ops = {o["opinion"]: o for o in g.get("fact_pattern", {}).get("opinions", [])}
check("quiz: grades, by number and by name", st == 200 and ops["majority"]["right"] == {"outcome": True, "element": True}
      and ops["majority"]["answer"] == {"outcome": "no", "element": "deprivation"}
      and ops["brennan"]["right"] == {"outcome": False, "element": False} and g["score"] == {"right": 2, "asked": 6}, raw[:400])
check("quiz: the key once graded: outcome, disposition, the element it turns on",
      st == 200 and [ops[o]["outcome"] for o in ("majority", "brennan", "blackmun")] == ["no", "unknown", "yes"]
      and ops["brennan"]["disposition"] == "vacate_and_remand"
      and all(ops[o]["turns_on"] == "culpable_conduct" for o in ops), str(ops)[:300])
ev = json.loads(request("POST", "/api/eval", dav_req)[1])["rows"][0]["results"]
check("quiz: a miss is explained by ratio eval's tree, a right answer is not", st == 200
      and ops["brennan"]["explanation"] == next(r["tree"] for r in ev if r["opinion"] == "brennan")
      and ops["majority"]["explanation"] is None)
check("quiz: the boundary once graded (none for a row of facts)", st == 200 and g["fact_pattern"]["boundary"] is None)
cli_doc = quiz_cli(sets_of(dav_req), typed(qn["question"], first))
check("quiz: the graded fact pattern is ratio quiz --set ... --format json's, for the same answers",
      st == 200 and cli_doc["fact_patterns"] and cli_doc["fact_patterns"][0] == g["fact_pattern"]
      and cli_doc["score"]["right"] == g["score"]["right"], str(cli_doc)[:300])
right = {o: {"outcome": ops[o]["outcome"], "element": ops[o]["turns_on"]} for o in ops}
st, g2, raw = quiz(dict(dav_req, answers=right))
check("quiz: the right answers, all right, nothing to explain", st == 200 and g2["score"] == {"right": 6, "asked": 6}
      and all(o["explanation"] is None for o in g2["fact_pattern"]["opinions"]), raw[:300])
st, g3, raw = quiz(dict(dav_req, answers={"blackmun": {"outcome": "yes", "element": "custody"}}))
ops3 = {o["opinion"]: o for o in g3.get("fact_pattern", {}).get("opinions", [])}
check("quiz: an opinion not answered is graded as not answered; what it rests on counts", st == 200
      and ops3["majority"]["answer"] == {"outcome": None, "element": None} and not ops3["majority"]["right"]["outcome"]
      and ops3["blackmun"]["right"] == {"outcome": True, "element": True}, raw[:300])
st, g4, raw = quiz(dict(dav_req, opinion="blackmun"))
check("quiz: one opinion, as --opinion", st == 200 and [o["opinion"] for o in g4["question"]["opinions"]] == ["blackmun"])

# drawn fact patterns: the K-th of N from a seed, as --generate N --seed S
N, S, K = 5, 1, 3
st, qk, raw = quiz({"generate": N, "seed": S, "number": K})
check("quiz: a drawn fact pattern", st == 200 and qk["seed"] == S and qk["generate"] == N
      and qk["fact_pattern"]["number"] == K and qk["fact_pattern"]["id"] == f"hyp{K}"
      and "boundary" not in qk["fact_pattern"], raw[:300])
st2, again, _ = quiz({"generate": N, "seed": str(S), "number": K})
check("quiz: the same seed, the same fact pattern (a seed as digits too)", st2 == 200 and again == qk)
lines, answers_k = [], None
for k in range(1, N + 1):
    _, qq, _ = quiz({"generate": N, "seed": S, "number": k})
    # names every pattern offers: a choice of its own outline
    guess = {o["opinion"]: {"outcome": "no", "element": qq["question"]["elements"][-1]["node"]}
             for o in qq["question"]["opinions"]}
    lines += typed(qq["question"], guess)
    if k == K:
        answers_k = guess
st, gk, raw = quiz({"generate": N, "seed": S, "number": K, "answers": answers_k})
cli_doc = quiz_cli(["--generate", str(N), "--seed", str(S)], lines)
check("quiz: a drawn fact pattern graded is ratio quiz --generate N --seed S's, for the same answers",
      st == 200 and len(cli_doc["fact_patterns"]) == N and cli_doc["fact_patterns"][K - 1] == gk["fact_pattern"]
      and gk["fact_pattern"]["boundary"] is not None, f"{raw[:200]!r} / {str(cli_doc)[:200]}")
st, qa, raw = quiz({"generate": 2})
check("quiz: without a seed, the server picks one and says which", st == 200 and isinstance(qa["seed"], int)
      and quiz({"generate": 2, "seed": qa["seed"]})[1] == qa, raw[:200])

# bad requests
for body, status, words, name in (
        ({"generate": 51}, 400, "'generate' must be a count from 1 to 50", "more than 50 drawn"),
        ({"generate": 0}, 400, "'generate' must be a count from 1 to 50", "none drawn"),
        ({"seed": 3}, 400, "'seed' goes with 'generate'", "a seed without generate"),
        ({"generate": 3, "number": 4}, 400, "'number' must be from 1 to 3", "a number past the count"),
        ({"generate": 3, "seed": -1}, 400, "'seed' must be a whole number", "a negative seed"),
        ({"generate": 3, "facts": {"status": "free"}}, 400, "give 'facts' or 'generate', not both", "facts and generate"),
        ({"answrs": {}}, 400, "unknown key 'answrs' in the request (keys: id, title, note, facts, opinion, as_of, "
         "all_opinions, generate, seed, number, answers)", "an unknown key"),
        ({"answers": ["no"]}, 400, "'answers' must be an object", "answers not an object"),
        (dict(dav_req, answers={"brenan": {"outcome": "no"}}), 400,
         "'brenan' is not an opinion of this quiz (its opinions: majority, brennan, blackmun)", "an unknown opinion"),
        (dict(dav_req, answers={"brennan": {"outcom": "no"}}), 400, "unknown key 'outcom' in answers.brennan", "a misspelt key"),
        (dict(dav_req, answers={"brennan": {"outcome": ["no"]}}), 400, "must be a string or a number", "a list for an answer"),
        (dict(dav_req, answers={"brennan": {"outcome": "maybe"}}), 422,
         "brennan: 'maybe' is not one of the outcomes: answer with a number from 1 to 3, or no, yes, unknown", "an outcome none of the choices"),
        (dict(dav_req, answers={"brennan": {"outcome": 4}}), 422, "'4' is not one of the outcomes", "a number past the choices"),
        (dict(dav_req, answers={"brennan": {"outcome": "no", "element": "d"}}), 422,
         "brennan: 'd' names no element, or the start of several: answer with a number from 1 to", "an element named by too little")):
    st, doc, raw = quiz(body)
    check(f"quiz: {name}: {status}", st == status and words in doc.get("error", {}).get("message", ""), raw[:300])
st, doc, raw = quiz({"facts": {"culpability": "neglignt"}})
_, cli_err = cli("quiz", DP, "--set", "culpability=neglignt")
check("quiz: a bad value: 400 with the command line's message", st == 400 and ": error: " in cli_err
      and cli_err.strip().split(": error: ", 1)[1] == doc["error"]["message"], f"{raw!r} vs {cli_err!r}")
st, _, hdr = request("GET", "/api/quiz")
check("quiz: GET is 405", st == 405 and hdr.get("Allow") == "POST")
st, body, _ = request("GET", "/api/layout")
check("the layout lists the quiz", st == 200 and json.loads(body)["modes"] == ["form", "ask", "quiz"], body.decode()[:200])


# ---- 200 requests at once, nothing lost ---------------------------------------


def crowd(port, n, facts):
    results = [None] * n

    def one(i):
        try:
            st, body, _ = request("POST", "/api/eval", {"id": f"r{i}", "facts": facts}, port=port)
            results[i] = (st, body)
        except Exception as ex:  # noqa: BLE001
            results[i] = (0, str(ex).encode())

    ts = [threading.Thread(target=one, args=(i,)) for i in range(n)]
    for t in ts:
        t.start()
    for t in ts:
        t.join(timeout=120)
    return results


facts = davidson["facts"]
res = crowd(PORT, 200, facts)
want, _ = cli("eval", DP, "--set", "id=r7", *sum((["--set", f"{k}={v}"] for k, v in facts.items()), []), "--format", "json")
ok = all(r and r[0] == 200 and json.loads(r[1])["rows"][0]["id"] == f"r{i}" for i, r in enumerate(res))
check("200 concurrent requests: 200 answers, each its own row", ok,
      str([r[0] if r else None for r in res if not r or r[0] != 200][:10]))
check("a concurrent answer is the command line's", res[7] and res[7][1] == want)

lua_facts = {"status": "prisoner", "state_actor": "yes", "interest": "liberty", "harm": "yes", "actual_notice": "yes", "intent_to_harm": "no"}
res = crowd(LUA_PORT, 100, lua_facts)
want, _ = cli("eval", "tests/bench/davidson_lua", "--set", "id=r3",
              *sum((["--set", f"{k}={v}"] for k, v in lua_facts.items()), []), "--format", "json")
ok = all(r and r[0] == 200 and r[1] == want.replace(b'"id":"r3"', f'"id":"r{i}"'.encode()) for i, r in enumerate(res))
check("100 concurrent requests to a pack with rule functions: each the command line's", ok and len(want) > 100)

st, _, _ = request("GET", "/api/facts")
check("after all that, the server still answers", st == 200)
print(f"serve-api: {passed} passed, {failed} failed")
