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
