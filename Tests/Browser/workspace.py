"""Shared set-up of the browser tests: a headless Chromium per window size, the server's address, screenshots of
failing tests, and the browser's console read after each test."""

import json
import os
import re
import time
import unittest
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.support.ui import WebDriverWait

BASE_URL = os.environ.get("ACCORD_URL", "http://127.0.0.1:8080")
SCREENSHOTS = os.environ.get("ACCORD_SCREENSHOTS", "/tmp/accord-browser-screenshots")


def window_sizes():
    """The window sizes to test at, from ACCORD_BROWSER_SIZES ("1280x800 390x844" by default)."""
    text = os.environ.get("ACCORD_BROWSER_SIZES", "1280x800 390x844")
    return [tuple(int(part) for part in size.split("x")) for size in text.split()]


def make_driver(width, height):
    """A headless Chromium (Debian's chromium and chromium-driver) that keeps its console log."""
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     f"--window-size={width},{height}", "--hide-scrollbars"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    service = Service(executable_path=os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_window_size(width, height)
    return driver


def api(method, path, body=None):
    """Calls the API from the test itself (to set up runs) and returns the parsed answer."""
    data = None if body is None else json.dumps(body).encode()
    request = urllib.request.Request(BASE_URL + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:
        return json.loads(response.read().decode() or "null")


class BrowserTestCase(unittest.TestCase):
    """A test case run in one browser window size; a failing test leaves a screenshot, every test checks that
    the browser's console holds no error."""

    size = (1280, 800)
    driver = None
    #: Console entries a test expects: the network log of an answer the page asked for and handles (Chromium logs
    #: every 4xx as a console error), as (address suffix, status) pairs.
    expected_answers = ()

    @classmethod
    def setUpClass(cls):
        cls.driver = make_driver(*cls.size)

    @classmethod
    def tearDownClass(cls):
        if cls.driver is not None:
            cls.driver.quit()

    def setUp(self):
        self.driver.get_log("browser")  # start each test with an empty console

    def run(self, result=None):
        result = result if result is not None else self.defaultTestResult()
        before = len(result.failures) + len(result.errors)
        super().run(result)
        if len(result.failures) + len(result.errors) > before and self.driver is not None:
            os.makedirs(SCREENSHOTS, exist_ok=True)
            name = re.sub(r"[^A-Za-z0-9_.-]", "_", f"{self.id()}-{self.size[0]}x{self.size[1]}")
            path = os.path.join(SCREENSHOTS, name + ".png")
            try:
                self.driver.save_screenshot(path)
                print(f"\nscreenshot of the failure: {path}")
            except Exception as error:  # the browser may be gone; the failure itself is already reported
                print(f"\nno screenshot: {error}")
        return result

    def tearDown(self):
        errors = [entry["message"] for entry in self.driver.get_log("browser")
                  if entry["level"] == "SEVERE" and not self.is_expected(entry["message"])]
        self.assertEqual(errors, [], "the browser's console shows errors")

    def is_expected(self, message):
        return any(f"{path} - Failed to load resource: the server responded with a status of {status} " in message
                   for path, status in self.expected_answers)

    def open(self, path):
        self.driver.get(BASE_URL + path)

    def wait(self, condition, seconds=30, message=""):
        return WebDriverWait(self.driver, seconds, poll_frequency=0.1).until(lambda driver: condition(), message)

    def element(self, css):
        return self.driver.find_element("css selector", css)

    def elements(self, css):
        return self.driver.find_elements("css selector", css)

    def into_view(self, element):
        self.driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
        time.sleep(0.1)
        return element
