"""The Berlin talks in a confidential room (issue #14), each participant in a Chromium session of its own: a mediator
creates the room, the US, Ukraine and Europe enter berlin-2025's preferences through their pages, the mediator locks
the room and asks for a suggestion, puts it on the table with a short expiry; it lapses and cannot be accepted; a
second proposal is accepted by all; the post-settlement step runs. Screenshots of every session at each step go to
ACCORD_SCREENSHOTS/rooms-*.png; no session's console may show an error."""

import json
import os
import sys
import unittest
import urllib.error
import urllib.request

from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.support.ui import WebDriverWait

sys.path.insert(0, os.path.dirname(__file__))
from workspace import BASE_URL, SCREENSHOTS, make_driver  # noqa: E402

# berlin-2025's issues, without their preferences: the room's skeleton.
ISSUES = [
    {"id": "guarantee", "name": "Security guarantee for Ukraine", "options": [
        {"id": "none", "name": "No guarantee"},
        {"id": "bilateral_assurances", "name": "Political assurances (Budapest-memorandum style)"},
        {"id": "reassurance_force", "name": "European reassurance force"},
        {"id": "article5_like", "name": "Article-5-like guarantee"},
        {"id": "nato_membership", "name": "NATO membership"}]},
    {"id": "territory", "name": "Donbas territory", "options": [
        {"id": "ukraine_keeps", "name": "Ukraine keeps all it holds"},
        {"id": "freeze_contact_line", "name": "Freeze at the contact line"},
        {"id": "demilitarised_zone", "name": "Demilitarised zone"},
        {"id": "cede_donbas", "name": "Ukraine cedes the remaining Donbas"}]},
    {"id": "army_cap", "name": "Cap on Ukraine's peacetime armed forces", "unit": "thousand troops",
     "range": [400, 900], "step": 50},
    {"id": "sanctions", "name": "Sanctions relief for Russia", "options": [
        {"id": "sanctions_stay", "name": "Sanctions stay"}, {"id": "phased_relief", "name": "Phased relief"},
        {"id": "full_lifting", "name": "Full lifting"}]},
    {"id": "frozen_assets", "name": "Frozen Russian assets", "options": [
        {"id": "reparations_loan", "name": "EU reparations loan"}, {"id": "us_led_fund", "name": "US-led fund"},
        {"id": "returned", "name": "Returned to Russia"}]},
]
ARMY_CAP = [str(level) for level in range(400, 901, 50)]

# berlin-2025's preferences of the three parties at the table, on the page's scales: weights in points out of 100,
# option scores from 0 to 100 (the guarantee's attribute values and army_cap's piecewise values evaluated at each
# option), red lines as options never accepted, the reservation value (Ukraine's is the mean of its uniform range).
PREFERENCES = {
    "us": {
        "weights": {"guarantee": 20, "territory": 25, "army_cap": 10, "sanctions": 20, "frozen_assets": 25},
        "values": {
            "guarantee": [52.5, 67.5, 80.5, 84, 38], "territory": [20, 60, 80, 100],
            "army_cap": [40, 55, 70, 85, 100, 93.33, 86.67, 80, 73.33, 66.67, 60],
            "sanctions": [30, 100, 80], "frozen_assets": [30, 100, 50]},
        "never": {"guarantee": ["nato_membership"]}, "reservation": 0.45},
    "ukraine": {
        "weights": {"guarantee": 35, "territory": 35, "army_cap": 10, "sanctions": 10, "frozen_assets": 10},
        "values": {
            "guarantee": [0, 18, 55, 88.5, 100], "territory": [100, 70, 35, 0],
            "army_cap": [0, 11.25, 22.5, 33.75, 45, 56.25, 67.5, 78.75, 90, 95, 100],
            "sanctions": [100, 60, 10], "frozen_assets": [100, 60, 0]},
        "never": {"territory": ["cede_donbas"], "guarantee": ["none"]}, "reservation": 0.45},
    "europe": {
        "weights": {"guarantee": 35, "territory": 20, "army_cap": 10, "sanctions": 15, "frozen_assets": 20},
        "values": {
            "guarantee": [12, 38, 64, 96, 63.5], "territory": [100, 75, 45, 10],
            "army_cap": [10, 21.25, 32.5, 43.75, 55, 66.25, 77.5, 88.75, 100, 100, 100],
            "sanctions": [100, 50, 0], "frozen_assets": [100, 40, 10]},
        "never": {"territory": ["cede_donbas"]}, "reservation": 0.55},
}
NAMES = {"us": "United States", "ukraine": "Ukraine", "europe": "Europe"}


def option_ids(issue):
    return ARMY_CAP if issue["id"] == "army_cap" else [option["id"] for option in issue["options"]]


class BerlinRoom(unittest.TestCase):
    """One room, five browsers: the mediator, an observer and the three parties (Ukraine's on a phone-sized screen)."""

    def setUp(self):
        self.drivers = {}
        self.step = 0
        os.makedirs(SCREENSHOTS, exist_ok=True)

    def tearDown(self):
        for who, driver in self.drivers.items():
            errors = [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]
            self.assertEqual(errors, [], f"{who}'s console shows errors")

    def run(self, result=None):
        result = result if result is not None else self.defaultTestResult()
        before = len(result.failures) + len(result.errors)
        try:
            super().run(result)
            if len(result.failures) + len(result.errors) > before:
                self.screenshots("failure")
                print(f"\nscreenshots of the failure: {SCREENSHOTS}/rooms-*-failure-*.png")
        finally:
            for driver in self.drivers.values():
                driver.quit()
        return result

    def browser(self, who, size=(1280, 800)):
        self.drivers[who] = make_driver(*size)
        return self.drivers[who]

    def screenshots(self, label):
        self.step += 1
        for who, driver in self.drivers.items():
            try:
                driver.save_screenshot(os.path.join(SCREENSHOTS, f"rooms-{self.step:02d}-{label}-{who}.png"))
            except Exception as error:  # a screenshot is evidence, not the test
                print(f"no screenshot of {who}: {error}")

    @staticmethod
    def wait(driver, condition, seconds=30, message=""):
        return WebDriverWait(driver, seconds, poll_frequency=0.1).until(lambda d: condition(), message)

    @staticmethod
    def find(driver, css):
        return driver.find_elements("css selector", css)

    @staticmethod
    def type_into(driver, css, value):
        field = driver.find_element("css selector", css)
        driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", field)
        field.clear()
        field.send_keys(str(value))

    def click(self, driver, css):
        # The room's lists are drawn again on every event: an element found just before an event arrives is
        # replaced (stale) before it can be clicked, so it is found again (a stale element was never clicked).
        for attempt in range(10):
            try:
                element = driver.find_element("css selector", css)
                driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", element)
                element.click()
                return
            except StaleElementReferenceException:
                if attempt == 9:
                    raise

    def create_room(self, mediator):
        mediator.get(BASE_URL + "/rooms/new")
        skeleton = {"accord": 1, "name": "Berlin talks (US, Ukraine, Europe)", "issues": ISSUES,
                    "parties": [{"id": party, "name": NAMES[party]} for party in PREFERENCES]}
        field = mediator.find_element("css selector", "#room-skeleton")
        mediator.execute_script("arguments[0].value = arguments[1];", field, json.dumps(skeleton))
        for key in ("suggestion", "zoneCount"):
            self.click(mediator, f"#disclose-{key}")
        self.click(mediator, "#room-new button[type=submit]")
        self.wait(mediator, lambda: self.find(mediator, "#room-invitations li"), 30, "the invitations are shown")
        self.screenshots("created")
        links = {}
        for item in self.find(mediator, "#room-invitations li"):
            links[item.get_attribute("data-invitation")] = item.find_element("css selector", "a").get_attribute("href")
        self.assertEqual(set(links), {"mediator", "observer", "us", "ukraine", "europe"})
        return links

    def enter_preferences(self, driver, party):
        preferences = PREFERENCES[party]
        self.wait(driver, lambda: self.find(driver, "#weight-frozen_assets"), 30, "the preferences form is drawn")
        for issue in ISSUES:
            self.type_into(driver, f"#weight-{issue['id']}", preferences["weights"][issue["id"]])
            for index, score in enumerate(preferences["values"][issue["id"]]):
                self.type_into(driver, f"#score-{issue['id']}-{index}", score)
            for index, option in enumerate(option_ids(issue)):
                box = driver.find_element("css selector", f"#never-{issue['id']}-{index}")
                if box.is_selected() != (option in preferences["never"].get(issue["id"], [])):
                    driver.execute_script("arguments[0].scrollIntoView({block: 'center'});", box)
                    box.click()
        self.type_into(driver, "#reservation-value", preferences["reservation"])
        self.wait(driver, lambda: self.find(driver, "#pref-points-left")[0].text == "0", 10, "100 points shared out")
        self.wait(driver, lambda: len(self.find(driver, "#pref-preview li[data-utility]")) == 3, 20,
                  "the preview shows the party's own utility of three packages")
        self.click(driver, "#pref-save")
        self.wait(driver, lambda: "saved" in self.find(driver, "#room-status")[0].text, 20, "the preferences are saved")

    def respond(self, party_link, proposal, accept):
        """Responds through the API with the party's own credential (the invitation's token)."""
        token = party_link.split("token=")[1]
        room = party_link.split("/rooms/")[1].split("/")[0]
        request = urllib.request.Request(
            f"{BASE_URL}/api/v1/rooms/{room}/proposals/{proposal}/responses",
            data=json.dumps({"accept": accept}).encode(), method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {token}"})
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                return response.status, json.loads(response.read() or b"null")
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"null")

    def test_the_berlin_talks_in_a_confidential_room(self):
        mediator = self.browser("mediator")
        links = self.create_room(mediator)
        parties = {party: self.browser(party, (390, 844) if party == "ukraine" else (1280, 800))
                   for party in PREFERENCES}
        for party, driver in parties.items():
            driver.get(links[party])
            self.wait(driver, lambda: "/join" not in driver.current_url and self.find(driver, "#room-role"), 30,
                      "the invitation leads into the room")
            self.assertIn(NAMES[party], driver.find_element("css selector", "#room-role").text)
        mediator.get(links["mediator"])
        self.wait(mediator, lambda: self.find(mediator, "#room-lock"), 30, "the mediator's controls")
        observer = self.browser("observer")
        observer.get(links["observer"])
        self.wait(observer, lambda: self.find(observer, "#room-proposals li"), 30, "the observer's view")
        self.assertEqual(self.find(observer, "#room-lock, #room-preferences, button.accept"), [],
                         "an observer has no controls")
        self.screenshots("joined")

        for party, driver in parties.items():
            self.enter_preferences(driver, party)
        # Ukraine checks its preferences against ratings of three whole packages.
        ukraine = parties["ukraine"]
        for k, rating in enumerate((10, 90, 50)):
            self.type_into(ukraine, f"#rating-{k}", rating)
        self.click(ukraine, "#pref-check-run")
        self.wait(ukraine, lambda: self.find(ukraine, "#pref-check-result p[data-agrees]"), 20, "the check answers")
        self.screenshots("preferences")

        self.wait(mediator, lambda: len(self.find(mediator, "#room-parties li[data-entered=true]")) == 3, 30,
                  "the mediator sees, live, that every party has entered its preferences")
        # Nothing a party entered reaches the mediator's or the observer's page.
        for driver in (mediator, observer):
            self.assertNotIn("88.5", driver.page_source)
            self.assertNotIn("0.885", driver.page_source)
        self.click(mediator, "#room-lock")
        self.wait(mediator, lambda: mediator.find_element("css selector", "#room-state").text == "locked", 20)
        self.wait(mediator, lambda: self.find(mediator, "#room-engine p[data-zone-exists=true]"), 20,
                  "the engine says a package acceptable to all exists")
        self.click(mediator, "#room-suggest")
        self.wait(mediator, lambda: "suggests" in mediator.find_element("css selector", "#room-suggestion").text, 20)
        self.type_into(mediator, "#room-expiry", 3)
        self.click(mediator, "#room-propose-submit")
        self.screenshots("suggested")

        for driver in parties.values():
            self.wait(driver, lambda: self.find(driver, "#room-proposals li[data-status=open] .own-utility"), 20,
                      "each party sees the proposal and its own utility of it, live")
        first = self.find(parties["us"], "#room-proposals li[data-status=open]")[0].get_attribute("data-proposal")
        for driver in parties.values():
            self.wait(driver, lambda: self.find(driver, f"#room-proposals li[data-proposal='{first}'][data-status=lapsed]"),
                      20, "the proposal lapses on every page")
            self.assertEqual(self.find(driver, f"li[data-proposal='{first}'] button.accept"), [],
                             "a lapsed proposal offers no Accept")
        status, answer = self.respond(links["ukraine"], first, True)
        self.assertEqual(status, 409, answer)
        self.screenshots("lapsed")

        self.click(mediator, "#room-expiry")
        mediator.find_element("css selector", "#room-expiry").clear()
        self.click(mediator, "#room-propose-submit")
        for driver in parties.values():
            self.wait(driver, lambda: self.find(driver, "#room-proposals li[data-status=open] button.accept"), 20)
        for party, driver in parties.items():
            self.click(driver, "#room-proposals li[data-status=open] button.accept")
            self.wait(driver, lambda: "recorded" in driver.find_element("css selector", "#room-status").text, 20)
        for driver in [mediator, observer, *parties.values()]:
            self.wait(driver, lambda: self.find(driver, "#room-agreement .agreed"), 20, "the agreement, live")
            self.wait(driver, lambda: self.find(driver, "#room-improvement"), 20, "the post-settlement step ran")
        self.screenshots("agreed")
        # The agreement as a document to keep, through the page's link with the party's room cookie.
        us = parties["us"]
        href = us.find_element("css selector", "#room-agreement-markdown").get_attribute("href")
        document = us.execute_async_script(
            "const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(r => r.text()).then(done);", href)
        self.assertTrue(document.startswith("# Agreement: Berlin talks"), document[:200])
        self.assertIn("| Donbas territory |", document)
        if self.find(mediator, "#room-improvement")[0].get_attribute("data-exists") == "true":
            for driver in parties.values():
                self.wait(driver, lambda: self.find(driver, "#room-proposals li[data-status=open] button.accept"), 20)
                self.click(driver, "#room-proposals li[data-status=open] button.accept")
            self.wait(mediator, lambda: mediator.find_element("css selector", "#room-state").text == "improved", 20)
        self.screenshots("settled")
        # The mediator replaces the observer's credential: a new invitation, and the observer's old one stops working.
        mediator.find_element("css selector", "#room-credential-role option[value=observer]").click()
        self.click(mediator, "#room-credential-replace")
        self.wait(mediator, lambda: self.find(mediator, "#room-new-invitation"), 20, "the new invitation is shown")
        fresh = mediator.find_element("css selector", "#room-new-invitation").get_attribute("href")
        self.assertNotEqual(fresh, links["observer"])
        room = links["observer"].split("/rooms/")[1].split("/")[0]
        old = urllib.request.Request(f"{BASE_URL}/api/v1/rooms/{room}",
                                     headers={"Authorization": f"Bearer {links['observer'].split('token=')[1]}"})
        with self.assertRaises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(old, timeout=30)
        self.assertEqual(refused.exception.code, 401)
        audit = mediator.find_element("css selector", "#room-audit").text
        for action in ("room.locked", "proposal.lapsed", "agreement.declared"):
            self.assertIn(action, audit)


if __name__ == "__main__":
    unittest.main()
