"""The tests' system browser: Debian's Chromium, headless, driven by Selenium through
/usr/bin/chromedriver (nothing downloaded). Python's webbrowser runs it as BROWSER="python
browser.py %s"; it fills the provider's own login and consent pages.

MAILTESTER_TEST_BROWSER: "login" (default) signs in as MAILTESTER_TEST_LOGIN and consents;
"cancel" presses the provider's Cancel link; "never" does nothing (the browser never returns).
MAILTESTER_TEST_SPKI: the provider certificate's SPKI hash, the one certificate Chromium accepts
besides its own store (the test CA is not in it)."""

from __future__ import annotations

import os
import sys
import time
from typing import TextIO

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run")


def browse(url: str, action: str, login: str, spki: str, log: TextIO) -> str:
    """Whatever page the provider shows next (login, consent, a redirect on the way), act on it,
    until the answer page on the loopback port is there."""
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--ignore-certificate-errors-spki-list={spki}")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(url)
        deadline = time.monotonic() + 45
        while time.monotonic() < deadline:
            try:
                here, title = driver.current_url, driver.title
                if here.startswith("http://127.0.0.1:") and "Mail Account Tester" in title:
                    return str(driver.page_source)
                cancel = driver.find_elements(By.LINK_TEXT, "[ Cancel ]") if action == "cancel" else []
                field = driver.find_elements(By.NAME, "login")
                submit = driver.find_elements(By.CSS_SELECTOR, "button[type=submit]")
                if cancel:
                    print(f"cancel on {title!r}", file=log, flush=True)
                    cancel[0].click()
                elif field and submit:
                    print(f"login on {title!r}", file=log, flush=True)
                    field[0].clear()  # the provider pre-fills the login_hint
                    field[0].send_keys(login)
                    driver.find_element(By.NAME, "password").send_keys("test-password")
                    submit[0].click()
                elif submit:
                    print(f"consent on {title!r}", file=log, flush=True)
                    submit[0].click()
                else:
                    time.sleep(0.1)
                    continue
                WebDriverWait(driver, 10).until(expected_conditions.staleness_of((cancel or submit)[0]))
            except WebDriverException as exc:  # the page moved on under a command (stale, timeout, navigation)
                print(f"{type(exc).__name__}; trying again", file=log, flush=True)
                time.sleep(0.1)
        raise TimeoutError(f"the sign-in did not end: {driver.current_url} {driver.title!r}")
    finally:
        driver.quit()


if __name__ == "__main__":
    # Started by the command under test: nothing of Chromium's may reach its output.
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    action = os.environ.get("MAILTESTER_TEST_BROWSER", "login")
    with open(os.environ.get("MAILTESTER_TEST_BROWSER_LOG", os.devnull), "a") as log:
        print(f"{action}: {sys.argv[1][:80]}", file=log, flush=True)
        if action != "never":
            try:
                browse(sys.argv[1], action, os.environ.get("MAILTESTER_TEST_LOGIN", ""),
                       os.environ["MAILTESTER_TEST_SPKI"], log)
            except Exception as exc:
                print(f"failed: {exc!r}", file=log, flush=True)
                raise
            print("done", file=log, flush=True)
