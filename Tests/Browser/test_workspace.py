"""The web workspace in a real browser: the journeys of issue #13, at a desktop and at a phone width."""

import os
import sys
import tempfile
import time
import unittest

from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

sys.path.insert(0, os.path.dirname(__file__))
from workspace import BrowserTestCase, api, window_sizes  # noqa: E402


class WorkspaceJourneys(BrowserTestCase):
    """Each journey of the issue, as a user does it."""

    def test_open_the_workspace_pick_berlin_and_see_the_frontier_chart(self):
        self.open("/")
        self.assertIn("Scenarios", self.driver.title)
        link = self.into_view(self.element("a[href='/scenarios/berlin-2025']"))
        link.click()
        self.wait(lambda: self.driver.current_url.endswith("/scenarios/berlin-2025"))
        self.wait(lambda: "Valid" in self.element("#validation").text, message="the editor validates the text")
        samples = self.into_view(self.element("#samples"))
        samples.clear()
        samples.send_keys("50")
        self.element("#analyse button[type=submit]").click()
        self.wait(lambda: "?run=" in self.driver.current_url, 120, "the analysis opens its dashboard")
        figure = self.wait(lambda: self.elements("figure#chart-utility-space[data-targets]"), 30,
                           "the utility-space chart becomes interactive")[0]
        self.assertGreater(int(figure.get_attribute("data-targets")), 0)
        self.assertIn("Pareto frontier", figure.find_element("css selector", "svg").get_attribute("aria-label")
                      + figure.text)
        target = figure.find_element("css selector", "circle.target")
        self.into_view(figure)
        ActionChains(self.driver).move_to_element(target).perform()
        self.wait(lambda: "Utilities:" in self.element("#point-info").text, 10, "hovering shows the package")
        target.send_keys(Keys.ENTER)
        self.wait(lambda: "Evaluation:" in self.element("#point-info").text, 30, "Enter evaluates the package")

    def test_upload_a_scenario_edit_it_and_save_a_version(self):
        source = os.path.join(os.path.dirname(__file__), "..", "..", "Sources", "AccordFormats", "Resources",
                              "Scenarios", "job-offer.yaml")
        with open(source, encoding="utf-8") as file:
            text = file.read()
        name = f"Uploaded offer {self.size[0]}"
        folder = tempfile.mkdtemp()
        path = os.path.join(folder, "offer.yaml")
        with open(path, "w", encoding="utf-8") as file:
            file.write(text.replace("name: Job offer (two-party textbook case)", f"name: {name}"))
        self.open("/")
        self.element("#upload-files").send_keys(path)
        self.element("#upload-form button[type=submit]").click()
        self.wait(lambda: "/scenarios/uploaded-offer-" in self.driver.current_url, 30, "the upload opens its page")
        self.assertEqual(self.element("h1").text, name)
        self.wait(lambda: "Valid" in self.element("#validation").text)
        area = self.into_view(self.element("#scenario-text"))
        area.send_keys(Keys.CONTROL, Keys.END)
        area.send_keys("\n# revised in the browser\n")
        self.element("#save").click()
        self.wait(lambda: "Saved as version 2." in self.element("#save-status").text, 30, "the text is saved")

    def test_the_editor_marks_problems_on_their_lines(self):
        self.expected_answers = (("/api/v1/validations", 422),)  # the answer that lists the problems
        self.open("/scenarios/job-offer")
        self.wait(lambda: "Valid" in self.element("#validation").text)
        area = self.into_view(self.element("#scenario-text"))
        area.send_keys(Keys.CONTROL, "a")
        area.send_keys("name: x\nissues: []\nparties: foo\n")
        self.wait(lambda: "problem" in self.element("#validation").text, 10, "the problems are listed")
        marked = [span.text for span in self.elements("#gutter .bad")]
        self.assertEqual(marked, ["2", "3"])
        self.assertEqual(len(self.elements("#problems li")), 3)

    def test_dragging_russias_reservation_opens_the_agreement_zone(self):
        self.open("/scenarios/berlin-2025/what-if")
        count = lambda: self.element("#zone-count").text.strip()
        self.wait(lambda: count().isdigit(), 30, "the what-if answers")
        self.assertEqual(count(), "0")
        slider = self.into_view(self.element("#reservation-russia"))
        slider.click()  # focus; a click may also move it, the arrows then take it down
        for _ in range(30):
            slider.send_keys(Keys.ARROW_LEFT)
            time.sleep(0.05)
            if float(slider.get_attribute("value")) <= 0.5:
                break
        self.wait(lambda: count().isdigit() and int(count()) > 0, 10, "the zone opens")
        self.assertGreater(len(self.elements("#whatif-chart circle.frontier")), 0)

    def test_a_simulation_shows_offers_before_the_agreement(self):
        self.open("/scenarios/berlin-2025/simulate")
        self.into_view(self.element("#rounds")).send_keys("30")
        self.element("#simulate button[type=submit]").click()
        self.wait(lambda: self.elements("#sim-result a"), 60, "the simulation ends")
        log = [item.text for item in self.elements("#sim-log li")]
        self.assertGreater(len(log), 1)
        self.assertTrue(all(line.startswith("Round ") for line in log[:-1]), log)
        self.assertTrue(log[-1].startswith(("Agreement", "No agreement")), log[-1])
        self.assertGreater(int(self.element("#offer-count").text), 0)
        self.assertGreater(len(self.elements("#sim-chart circle.offer")), 0)
        report = self.element("#sim-result a[href$='?format=html']")
        self.assertTrue(report.get_attribute("href").endswith("?format=html"))

    def test_two_runs_side_by_side(self):
        first = api("POST", "/api/v1/scenarios/berlin-2025/analyses", {"samples": 20})["id"]
        second = api("POST", "/api/v1/scenarios/berlin-2025/analyses", {"samples": 20, "round": 11})["id"]
        self.open("/runs")
        for run in (first, second):
            box = self.into_view(self.element(f"input[name=run][value='{run}']"))
            box.click()
        self.into_view(self.element("#compare-button")).click()
        self.wait(lambda: self.elements("#compare-numbers"), 30, "the comparison opens")
        query = self.driver.current_url.split("?", 1)[1].split("&")
        self.assertEqual(sorted(part[2:] for part in query), sorted([first, second]))
        self.assertEqual(len(self.elements(".compare .column")), 2)
        self.assertGreater(len(self.elements(".compare figure svg")), 1)

    def test_a_tournament_and_a_forecast_follow_their_progress_to_the_run(self):
        for path in ("/tournament", "/forecast"):
            self.open(path)
            if path == "/forecast":
                self.into_view(self.element("#forecast-issues")).send_keys("territory")
            self.into_view(self.element("#follow button[type=submit]")).click()
            self.wait(lambda: self.elements("#follow-result a"), 120, f"the run of {path} ends")
            self.assertIn("Ended: succeeded", self.element("#follow-status").text)
            self.assertEqual(self.element("#follow-progress").get_attribute("value"),
                             self.element("#follow-progress").get_attribute("max"))
            self.element("#follow-result a").click()
            self.wait(lambda: self.elements(".report h2"), 30, "the run's page shows its report")

    @unittest.skipUnless(os.environ.get("ACCORD_PAGE_SCREENSHOTS"), "set ACCORD_PAGE_SCREENSHOTS to keep screenshots")
    def test_zz_screenshots_of_the_main_pages(self):
        folder = os.environ["ACCORD_PAGE_SCREENSHOTS"]
        os.makedirs(folder, exist_ok=True)
        runs = api("GET", "/api/v1/runs?kind=analyze&limit=2")["runs"]
        pages = {"scenarios": "/", "scenario": "/scenarios/berlin-2025", "what-if": "/scenarios/berlin-2025/what-if",
                 "simulate": "/scenarios/berlin-2025/simulate", "runs": "/runs", "forecast": "/forecast"}
        if len(runs) == 2:
            pages["compare"] = f"/runs/compare?a={runs[0]['id']}&b={runs[1]['id']}"
            pages["run"] = f"/runs/{runs[0]['id']}"
        for name, path in pages.items():
            self.open(path)
            time.sleep(1.5)
            self.driver.save_screenshot(os.path.join(folder, f"{name}-{self.size[0]}.png"))


def load_tests(loader, tests, pattern):
    """The journeys once per window size."""
    suite = unittest.TestSuite()
    for width, height in window_sizes():
        case = type(f"WorkspaceJourneys_{width}x{height}", (WorkspaceJourneys,), {"size": (width, height)})
        suite.addTests(loader.loadTestsFromTestCase(case))
    return suite


if __name__ == "__main__":
    unittest.main()
