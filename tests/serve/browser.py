"""The page of `ratio serve` in a real browser: headless Chromium driven by
Selenium (Debian's chromium, chromium-driver and python3-selenium; run with
/usr/bin/python3). Loads a row by its link, changes a fact and sees an
opinion's outcome change, reloads the hypothetical from the page's own
link, asks what would change it and where the opinions part, and checks
labels and a phone's width. Waits are for what the page shows, never fixed.

Usage: browser.py PORT   (a server of rules/due_process -f cases/decided.csv)
Screenshots go to $SHOTS. Ends with "serve-browser: N passed, N failed".
"""
import csv
import os
import sys

from selenium import webdriver
from selenium.common.exceptions import TimeoutException
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
    try:
        WebDriverWait(d, timeout).until(what)
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
    Select(d.find_element(By.ID, "fact-culpability")).select_by_value("reckless")
    ok = wait(d, lambda d: outcome(d, "majority") == "yes")
    check("changing the state of mind to reckless changes the majority's outcome to yes", ok, outcome(d, "majority"))
    check("and its disposition to reverse", "REVERSE" in d.find_element(By.ID, "opinion-majority").text)
    d.execute_script("window.scrollTo(0, 0)")
    d.save_screenshot(f"{SHOTS}/serve-changed.png")

    # the address holds the hypothetical
    link = d.find_element(By.ID, "permalink").get_attribute("href")
    check("the page's address holds the changed fact", "culpability=reckless" in link and "id=davidson_1986" in link, link)
    d.get(link)
    ok = wait(d, lambda d: outcome(d, "majority") == "yes")
    check("the link reproduces the hypothetical", ok and
          Select(d.find_element(By.ID, "fact-culpability")).first_selected_option.get_attribute("value") == "reckless")

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

    # a phone's width: one column, nothing wider than the screen
    d.set_window_size(390, 844)
    d.get(BASE + "/?row=davidson_1986&as-of=1986-01-21")
    wait(d, lambda d: outcome(d, "majority") == "no")
    wide = d.execute_script("return document.documentElement.scrollWidth - window.innerWidth")
    check("at a phone's width nothing overflows sideways", wide <= 0, wide)
    d.save_screenshot(f"{SHOTS}/serve-phone.png")
finally:
    d.quit()
print(f"serve-browser: {passed} passed, {failed} failed")
