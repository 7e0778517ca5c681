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

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.wait import WebDriverWait

FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--no-first-run")


def browse(url: str, action: str, login: str, spki: str) -> str:
    options = webdriver.ChromeOptions()
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--ignore-certificate-errors-spki-list={spki}")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    try:
        driver.get(url)
        wait = WebDriverWait(driver, 20)
        if action == "cancel":
            wait.until(expected_conditions.element_to_be_clickable((By.LINK_TEXT, "[ Cancel ]"))).click()
        else:
            field = wait.until(expected_conditions.presence_of_element_located((By.NAME, "login")))
            field.clear()  # the provider pre-fills the login_hint
            field.send_keys(login)
            driver.find_element(By.NAME, "password").send_keys("test-password")
            driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
            wait.until(expected_conditions.staleness_of(field))
            # The consent page, unless consent was given before.
            if not driver.current_url.startswith("http://127.0.0.1:"):
                wait.until(expected_conditions.element_to_be_clickable((By.CSS_SELECTOR, "button[type=submit]")))
                driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
        wait.until(lambda d: d.current_url.startswith("http://127.0.0.1:") and "Mail Account Tester" in d.title)
        return driver.page_source
    finally:
        driver.quit()


if __name__ == "__main__":
    # Started by the command under test: nothing of Chromium's may reach its output.
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 1)
    os.dup2(quiet, 2)
    action = os.environ.get("MAILTESTER_TEST_BROWSER", "login")
    if action != "never":
        browse(sys.argv[1], action, os.environ.get("MAILTESTER_TEST_LOGIN", ""), os.environ["MAILTESTER_TEST_SPKI"])
