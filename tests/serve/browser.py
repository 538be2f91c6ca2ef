"""The page of `ratio serve` in a real browser: headless Chromium driven by
Selenium (Debian's chromium, chromium-driver and python3-selenium; run with
/usr/bin/python3). Loads a row by its link, changes a fact and sees an
opinion's outcome change, reloads the hypothetical from the page's own
link, asks what would change it and where the opinions part, runs the
interview and the quiz (Davidson's fact pattern graded, a miss explained,
drawn ones by a seed the link keeps), and checks labels and a phone's
width. Waits are for what the page shows, never fixed.

Usage: browser.py PORT   (a server of rules/due_process -f cases/decided.csv)
Screenshots go to $SHOTS. Ends with "serve-browser: N passed, N failed".
"""
import csv
import json
import os
import sys
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import Select, WebDriverWait

PORT = int(sys.argv[1])
BASE = f"http://127.0.0.1:{PORT}"
SHOTS = os.environ.get("SHOTS", "build/serve-shots")
os.makedirs(SHOTS, exist_ok=True)
passed = failed = 0


def check(name, ok, detail=""):
    global passed, failed
    if ok:
        passed += 1
        print("PASS", name)
    else:
        failed += 1
        print("FAIL", name, str(detail)[:400])


def wait(d, what, timeout=15):
    # the page draws its results anew on each reply: an element read while
    # it is replaced is read again
    try:
        WebDriverWait(d, timeout, ignored_exceptions=[StaleElementReferenceException]).until(what)
        return True
    except TimeoutException:
        return False


def outcome(d, opinion):
    els = d.find_elements(By.ID, "opinion-" + opinion)
    return els[0].get_attribute("data-outcome") if els else None


opts = webdriver.ChromeOptions()
for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000"):
    opts.add_argument(a)
d = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)
d.set_page_load_timeout(30)
try:
    # a row of the case file, by link, with the law of the day it was decided
    d.get(BASE + "/?row=davidson_1986&as-of=1986-01-21")
    ok = wait(d, lambda d: outcome(d, "majority") == "no" and outcome(d, "blackmun") == "yes")
    check("a row loads by link: the majority says no, Blackmun yes", ok,
          [outcome(d, o) for o in ("majority", "brennan", "blackmun")])
    check("the row is picked in the list", Select(d.find_element(By.ID, "load-row")).first_selected_option.get_attribute("value") == "davidson_1986")
    card = d.find_element(By.ID, "opinion-majority").text
    check("the majority affirms", "AFFIRM" in card, card)
    d.save_screenshot(f"{SHOTS}/serve.png")

    # a finding below changes: the majority's outcome follows
    Select(d.find_element(By.ID, "fact-culpability")).select_by_value("deliberate_indifference")
    ok = wait(d, lambda d: outcome(d, "majority") == "yes")
    check("changing the state of mind to deliberate indifference changes the majority's outcome to yes", ok, outcome(d, "majority"))
    check("and its disposition to reverse", "REVERSE" in d.find_element(By.ID, "opinion-majority").text)
    d.execute_script("window.scrollTo(0, 0)")
    d.save_screenshot(f"{SHOTS}/serve-changed.png")

    # the address holds the hypothetical
    link = d.find_element(By.ID, "permalink").get_attribute("href")
    check("the page's address holds the changed fact", "culpability=deliberate_indifference" in link and "id=davidson_1986" in link, link)
    d.get(link)
    ok = wait(d, lambda d: outcome(d, "majority") == "yes")
    check("the link reproduces the hypothetical", ok and
          Select(d.find_element(By.ID, "fact-culpability")).first_selected_option.get_attribute("value") == "deliberate_indifference")

    # a yes/no fact by keyboard alone: focus its "no" and press space
    radio = d.find_element(By.ID, "fact-state_actor-no")
    radio.send_keys(Keys.SPACE)
    ok = wait(d, lambda d: outcome(d, "majority") == "no" and outcome(d, "blackmun") == "no")
    check("a fact answered from the keyboard: no state actor, no claim", ok, outcome(d, "majority"))

    # the reasoning opens: a change brings the outcomes alone, and opening
    # one opinion's reasoning asks for the trees
    details = d.find_element(By.CSS_SELECTOR, "#opinion-majority > details")
    check("a change brings the outcomes alone (the reasoning is loaded when opened)",
          details.get_attribute("data-cut") == "true" and "Eighth Amendment claim" not in details.get_attribute("textContent"))
    details.find_element(By.TAG_NAME, "summary").send_keys(Keys.ENTER)
    ok = wait(d, lambda d: "1. Eighth Amendment claim" in d.find_element(By.CSS_SELECTOR, "#opinion-majority > details").text)
    check("the reasoning opens from the keyboard", ok, d.find_element(By.CSS_SELECTOR, "#opinion-majority > details").text[:300])

    # what would change it, and where the opinions part
    d.get(BASE + "/?row=davidson_1986&as-of=1986-01-21")
    wait(d, lambda d: outcome(d, "majority") == "no")
    d.find_element(By.ID, "run-whatif").click()
    ok = wait(d, lambda d: "Try it" in d.find_element(By.ID, "whatif-body").text, 30)
    check("what would change it: ways to try", ok, d.find_element(By.ID, "whatif-body").text[:300])
    d.find_element(By.ID, "run-compare").click()
    ok = wait(d, lambda d: "part at" in d.find_element(By.ID, "compare-body").text, 30)
    check("where the opinions part", ok, d.find_element(By.ID, "compare-body").text[:300])
    d.save_screenshot(f"{SHOTS}/serve-panels.png")

    # a bad value is reported at its field, and the page goes on
    d.get(BASE + "/?status=prisonr")
    ok = wait(d, lambda d: d.find_element(By.ID, "status").text.startswith("status:"))
    check("a value the pack does not know is reported", ok, d.find_element(By.ID, "status").text)

    # every control has a label a screen reader reads
    unlabelled = d.execute_script("""
      return [...document.querySelectorAll('#facts-form select, #facts-form input')]
        .filter(e => !(e.labels && e.labels.length)).map(e => e.id);""")
    check("every control of the form has a label", not unlabelled, unlabelled)
    check("the results are announced (aria-live)", d.find_element(By.ID, "opinions").get_attribute("aria-live") == "polite")

    # the interview: one question at a time, to its end, with Davidson's facts
    with open("rules/due_process/cases/davidson.csv", newline="") as fh:
        dav = next(r for r in csv.DictReader(fh) if r["id"] == "davidson")
    d.get(BASE + "/")
    wait(d, lambda d: outcome(d, "majority") is not None)
    mode = [b for b in d.find_elements(By.CSS_SELECTOR, "#modes button") if b.text == "Interview"]
    check("the mode switch offers the interview", bool(mode) and d.find_element(By.ID, "modes").is_displayed())
    mode[0].send_keys(Keys.ENTER)
    # read by script: the question is redrawn under the reader's feet
    qtext = lambda d: d.execute_script("const q = document.getElementById('ask-q'); return q ? q.textContent : ''")
    qfact = lambda d: d.execute_script("const q = document.getElementById('ask-q'); return q ? q.dataset.fact || '' : ''")
    ok = wait(d, lambda d: qtext(d).startswith("1. "))
    check("the interview asks its first question", ok, qtext(d))
    first = qfact(d)
    # Why? opens from the keyboard; Back takes an answer back
    d.find_element(By.ID, "ask-why-btn").send_keys(Keys.ENTER)
    ok = wait(d, lambda d: d.find_element(By.ID, "ask-why").is_displayed() and "It " in d.find_element(By.ID, "ask-why").text)
    check("Why? says what the question decides", ok and d.find_element(By.ID, "ask-why-btn").get_attribute("aria-expanded") == "true")
    d.find_element(By.ID, "ask-unknown").click()
    wait(d, lambda d: qtext(d).startswith("2. "))
    d.find_element(By.ID, "ask-back").click()
    ok = wait(d, lambda d: qtext(d).startswith("1. ") and qfact(d) == first)
    check("Back asks the question again", ok, qtext(d))
    unlabelled = d.execute_script("""
      return [...document.querySelectorAll('#mode-ask button, #mode-ask input')]
        .filter(e => !(e.textContent.trim() || (e.labels && e.labels.length))).length;""")
    check("every control of the interview is labelled", unlabelled == 0, unlabelled)
    asked = 0
    for i in range(40):
        fact = qfact(d)
        if not fact:
            break
        if i == 2:
            d.find_element(By.ID, "ask-why-btn").click()
            wait(d, lambda d: d.find_element(By.ID, "ask-why").is_displayed())
            d.save_screenshot(f"{SHOTS}/serve-ask.png")
        v = dav.get(fact, "")
        btns = d.find_elements(By.CSS_SELECTOR, f'#ask-question button.answer[data-value="{v}"]') if v else []
        if not v:
            d.find_element(By.ID, "ask-unknown").click()
        elif btns:
            btns[0].send_keys(Keys.ENTER)  # the keyboard answers
        else:
            d.find_element(By.ID, "ask-input").send_keys(v, Keys.ENTER)
        asked += 1
        wait(d, lambda d: qtext(d) and not qtext(d).startswith(f"{asked}. "))
    settled = [c.get_attribute("data-settled") for c in d.find_elements(By.CSS_SELECTOR, "#ask-results .card")]
    check("the interview runs to its end: every opinion decided", "Every opinion is decided" in qtext(d)
          and settled and all(x == "yes" for x in settled), (qtext(d), settled))
    check("the results show each outcome", "AFFIRM" in d.find_element(By.ID, "ask-results").text,
          d.find_element(By.ID, "ask-results").text[:300])
    link = d.find_element(By.ID, "permalink").get_attribute("href")
    check("the answers fill the form, and the address holds them", "state_actor=yes" in link and
          d.find_element(By.ID, "fact-state_actor-yes").is_selected(), link)
    d.save_screenshot(f"{SHOTS}/serve-ask-end.png")

    # the quiz: Davidson's fact pattern under each opinion, from the keyboard
    # (the fact pattern's heading read by script: it is redrawn under the reader's feet)
    qhead = lambda d: d.execute_script("const h = document.getElementById('quiz-pattern-h'); return h ? h.textContent : ''")
    d.get(BASE + "/?row=davidson_1986")
    wait(d, lambda d: outcome(d, "majority") == "no")
    mode = [b for b in d.find_elements(By.CSS_SELECTOR, "#modes button") if b.text == "Quiz"]
    check("the mode switch offers the quiz", bool(mode))
    mode[0].send_keys(Keys.ENTER)
    ok = wait(d, lambda d: d.find_elements(By.ID, "quiz-check") and "negligent" in d.find_element(By.ID, "quiz-pattern").text)
    pattern = d.find_element(By.ID, "quiz-pattern").text if ok else ""
    check("the quiz opens on the form's hypothetical, told as prose", ok and "This hypothetical" in pattern
          and "The court below found the state of mind: negligent." in pattern
          and d.find_element(By.ID, "quiz-source-this").is_selected(), pattern[:300])
    check("the address says the quiz is on the form's facts", "quiz-on=this" in d.current_url
          and "culpability=negligent" in d.current_url, d.current_url)
    legends = [e.text for e in d.find_elements(By.CSS_SELECTOR, "#quiz-answers fieldset.quiz-opinion > legend")]
    check("a group per opinion, headed by its legend", legends == ["Rehnquist, J., for the Court", "Brennan, J., dissenting",
                                                                   "Blackmun, J., dissenting"], legends)
    unlabelled = d.execute_script("""
      return [...document.querySelectorAll('#mode-quiz input, #mode-quiz select')]
        .filter(e => !(e.labels && e.labels.length)).map(e => e.id);""")
    check("every control of the quiz has a label", not unlabelled, unlabelled)
    # Check with nothing answered: it says what is missing and goes there
    d.find_element(By.ID, "quiz-check").send_keys(Keys.ENTER)
    ok = wait(d, lambda d: "Answer every question first" in d.find_element(By.ID, "quiz-status").text)
    check("Check before answering: what is left, and the focus on it", ok
          and d.switch_to.active_element.get_attribute("id") == "quiz-majority-outcome-0",
          d.switch_to.active_element.get_attribute("id"))
    # the majority right (no; the element by the keyboard), Brennan wrong twice, Blackmun right
    d.switch_to.active_element.send_keys(Keys.SPACE)  # the first outcome, "no"
    sel = d.find_element(By.ID, "quiz-majority-element")
    Select(sel).select_by_value("deprivation")
    d.find_element(By.ID, "quiz-brennan-outcome-1").send_keys(Keys.SPACE)  # yes
    Select(d.find_element(By.ID, "quiz-brennan-element")).select_by_value("state_action")
    d.find_element(By.CSS_SELECTOR, '#quiz-blackmun input[value="yes"]').click()
    Select(d.find_element(By.ID, "quiz-blackmun-element")).select_by_value("culpable_conduct")
    d.find_element(By.ID, "quiz-check").send_keys(Keys.ENTER)
    ok = wait(d, lambda d: d.find_element(By.ID, "quiz-next").is_displayed())
    status = d.find_element(By.ID, "quiz-status")
    check("Check grades, and the live region says how it went", ok and status.text.startswith("This fact pattern: 4 of 6 right")
          and status.get_attribute("aria-live") == "polite", status.text)
    check("the focus goes on to Next", d.switch_to.active_element.get_attribute("id") == "quiz-next",
          d.switch_to.active_element.get_attribute("id"))
    cls = lambda o: d.find_element(By.ID, "quiz-" + o).get_attribute("class")
    check("the opinions right and wrong are marked", "all-right" in cls("majority") and "missed" in cls("brennan")
          and "all-right" in cls("blackmun"), [cls(o) for o in ("majority", "brennan", "blackmun")])
    grade = d.find_element(By.ID, "quiz-brennan-grade").text
    check("a miss: the right outcome and the element it turns on", "VACATE AND REMAND" in grade
          and "Outcome: you said yes: wrong." in grade and "it turns on A state of mind that deprives" in grade
          and "Any of these counts: Due process claim, Deprivation, A state of mind that deprives" in grade, grade[:400])
    why = d.find_elements(By.CSS_SELECTOR, "#quiz-brennan-grade details.why")
    check("a miss shows the opinion's reasoning, open down to the element it turns on", why
          and why[0].get_attribute("open") is not None
          and d.find_element(By.CSS_SELECTOR, '#quiz-brennan-grade li.turns-on[data-node="culpable_conduct"] > details')
          .get_attribute("open") is not None and "For Brennan the question is open" in why[0].text)
    check("a right answer is not explained", not d.find_elements(By.CSS_SELECTOR, "#quiz-majority-grade details.why")
          and "Outcome: you said no: right." in d.find_element(By.ID, "quiz-majority-grade").text)
    d.set_window_size(1280, 1500)  # down to the element Brennan's reasoning turns on
    d.execute_script("window.scrollTo(0, 0)")
    d.save_screenshot(f"{SHOTS}/serve-quiz.png")
    d.set_window_size(1280, 1000)
    # the reasoning's elements open from the keyboard
    node = d.find_element(By.CSS_SELECTOR, '#quiz-brennan-grade li[data-node="eighth_amendment_claim"] > details')
    node.find_element(By.TAG_NAME, "summary").send_keys(Keys.ENTER)
    ok = wait(d, lambda d: node.get_attribute("open") is not None)
    check("an element of the reasoning opens from the keyboard", ok)
    score = d.find_element(By.ID, "quiz-score").text
    check("the running score", score == "Score: 4 of 6 answers right, over 1 fact pattern.", score)
    check("the answers checked cannot be changed", not d.find_element(By.ID, "quiz-majority-element").is_enabled())

    # Next: new fact patterns, drawn from a seed the address keeps
    d.find_element(By.ID, "quiz-next").send_keys(Keys.ENTER)
    ok = wait(d, lambda d: qhead(d) == "Fact pattern 1 of 5")
    seed = d.find_element(By.ID, "quiz-seed").get_attribute("value")
    check("Next draws new fact patterns, with the seed shown", ok and seed.isdigit()
          and f"quiz-seed={seed}&quiz-count=5&quiz-number=1" in d.current_url, d.current_url)
    for o in ("majority", "brennan", "blackmun"):
        d.find_element(By.ID, f"quiz-{o}-outcome-0").click()
        els = d.find_elements(By.ID, f"quiz-{o}-element")
        if els:
            Select(els[0]).select_by_index(1)
    d.find_element(By.ID, "quiz-check").click()
    wait(d, lambda d: d.find_element(By.ID, "quiz-next").is_displayed())
    score = d.find_element(By.ID, "quiz-score").text
    check("the score runs on", score.endswith("answers right, over 2 fact patterns.") and "of 12" in score, score)
    d.find_element(By.ID, "quiz-next").click()
    ok = wait(d, lambda d: qhead(d) == "Fact pattern 2 of 5")
    check("Next goes on to the next fact pattern", ok and "quiz-number=2" in d.current_url, d.current_url)
    prose = d.find_element(By.CSS_SELECTOR, "#quiz-pattern .prose").text
    link = d.find_element(By.ID, "permalink")
    check("the link is the quiz's", link.text == "Link to this quiz" and link.get_attribute("href") == d.current_url,
          (link.text, link.get_attribute("href"), d.current_url))
    d.get(d.current_url)
    ok = wait(d, lambda d: qhead(d) == "Fact pattern 2 of 5")
    check("the link reproduces the quiz: the same seed, the same fact pattern", ok
          and d.find_element(By.CSS_SELECTOR, "#quiz-pattern .prose").text == prose
          and d.find_element(By.ID, "quiz-seed").get_attribute("value") == seed
          and d.find_element(By.CSS_SELECTOR, '#modes button[data-mode="quiz"]').get_attribute("aria-pressed") == "true")
    d.get(BASE + "/?quiz-seed=1&quiz-count=5&quiz-number=3")
    ok = wait(d, lambda d: qhead(d) == "Fact pattern 3 of 5")
    shown = d.find_element(By.CSS_SELECTOR, "#quiz-pattern .who").text if ok else ""
    api = json.loads(urllib.request.urlopen(urllib.request.Request(
        BASE + "/api/quiz", data=b'{"generate": 5, "seed": 1, "number": 3}',
        headers={"Content-Type": "application/json"}), timeout=30).read())
    check("a link with a seed shows that seed's fact pattern", ok and shown.startswith(api["fact_pattern"]["id"] + ": ")
          and d.find_element(By.CSS_SELECTOR, "#quiz-pattern .prose").text == api["fact_pattern"]["prose"], shown)
    d.find_element(By.CSS_SELECTOR, '#modes button[data-mode="form"]').click()
    ok = wait(d, lambda d: outcome(d, "majority") is not None)
    check("back to the form, the address leaves the quiz", ok and "quiz-" not in d.current_url, d.current_url)

    # a phone's width: one column, nothing wider than the screen
    d.set_window_size(390, 844)
    d.get(BASE + "/?row=davidson_1986&as-of=1986-01-21")
    wait(d, lambda d: outcome(d, "majority") == "no")
    wide = d.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check("at a phone's width nothing overflows sideways", wide <= 0, wide)
    d.save_screenshot(f"{SHOTS}/serve-phone.png")
    d.set_window_size(360, 800)
    d.get(BASE + "/?row=davidson_1986&quiz-on=this")
    ok = wait(d, lambda d: d.find_elements(By.ID, "quiz-check"))
    for o in ("majority", "brennan", "blackmun"):
        d.find_element(By.ID, f"quiz-{o}-outcome-1").click()
        Select(d.find_element(By.ID, f"quiz-{o}-element")).select_by_index(3)
    d.find_element(By.ID, "quiz-check").click()
    ok = ok and wait(d, lambda d: d.find_element(By.ID, "quiz-next").is_displayed())
    wide = d.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check("the quiz at 360 pixels: graded, nothing overflows sideways", ok and wide <= 0, wide)
    d.execute_script("document.getElementById('quiz-majority').scrollIntoView()")
    d.save_screenshot(f"{SHOTS}/serve-quiz-phone.png")
finally:
    d.quit()
print(f"serve-browser: {passed} passed, {failed} failed")
