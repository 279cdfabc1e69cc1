"""render -o chart.html in a real browser (Debian's chromium, driven by chromium-driver and
python3-selenium): every event of the Scene is on the page and reachable by keyboard, a
focus or a hover shows the event's card, the search filters, the console stays clean, the
page without JavaScript is still the chart with its links, and the bytes are the same twice.
One browser for the whole file."""
import json
import os
import shutil
import tempfile
import pathlib
import unittest

from helpers import EVENTS, SANITIZED, run

try:
    from selenium import webdriver
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.chrome.service import Service
    from selenium.webdriver.common.by import By
    from selenium.webdriver.common.keys import Keys
    SELENIUM = None
except ImportError as error:  # reported by setUpClass, never passed over in silence
    SELENIUM = error

HOSTILE = """\
actors:
  - id: iran
    name: "Iran <img src=x onerror=alert(1)>"
  - id: russia
    name: Russia
events:
  - id: hostile
    title: "</script><script>alert(2)</script><!-- <b onmouseover=alert(3)>x</b>"
    date: 2024-09~
    kind: arms-transfer
    from: iran
    to: russia
    sources:
      - publisher: "<i>Pub</i>"
        title: "T & 'q'"
        url: https://example.org/?a=1&b=%3Cx%3E
"""


def start_browser():
    """A headless Chromium, or why there is none."""
    if SELENIUM is not None:
        return None, f"python3-selenium is missing ({SELENIUM})"
    binary = shutil.which("chromium")
    driver_binary = shutil.which("chromedriver")
    if not binary or not driver_binary:
        return None, "chromium or chromium-driver is not installed"
    options = webdriver.ChromeOptions()
    options.binary_location = binary
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1600,1000", "--lang=en"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    try:
        service = Service(executable_path=driver_binary)
        return webdriver.Chrome(options=options, service=service), ""
    except Exception as error:  # noqa: BLE001 - any failure to start is reported whole
        return None, f"chromium did not start: {error}"


class HtmlPageInBrowser(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        if SANITIZED:
            raise unittest.SkipTest("browser test skipped under the sanitizer build "
                                    "(the same page is tested in the plain build)")
        cls._tmp = tempfile.TemporaryDirectory()
        tmp = pathlib.Path(cls._tmp.name)
        cls.page = tmp / "chart.html"
        scene = tmp / "scene.json"
        proc = run("render", EVENTS, "-o", cls.page, "--scene", scene)
        assert proc.returncode == 0, proc.stderr
        cls.bytes = cls.page.read_bytes()
        again = tmp / "again.html"
        proc = run("render", EVENTS, "-o", again)
        assert proc.returncode == 0, proc.stderr
        cls.again = again.read_bytes()
        cls.scene = json.loads(scene.read_text())
        listed = run("list", EVENTS, "--format", "json")
        assert listed.returncode == 0, listed.stderr
        cls.events = {e["id"]: e for e in json.loads(listed.stdout)}
        hostile_yaml = tmp / "hostile.yaml"
        hostile_yaml.write_text(HOSTILE)
        cls.hostile = tmp / "hostile.html"
        proc = run("render", hostile_yaml, "-o", cls.hostile)
        assert proc.returncode == 0, proc.stderr
        cls.driver, why = start_browser()
        if cls.driver is None:
            cls._tmp.cleanup()
            if os.environ.get("TIMELINE_NO_BROWSER"):
                raise unittest.SkipTest(f"no browser ({why}); TIMELINE_NO_BROWSER is set")
            raise AssertionError(f"no browser to test the HTML page in: {why}; install "
                                 "chromium, chromium-driver and python3-selenium (make deps), "
                                 "or set TIMELINE_NO_BROWSER=1 to skip this test")

    @classmethod
    def tearDownClass(cls):
        cls.driver.quit()
        cls._tmp.cleanup()

    def load(self, path=None):
        self.driver.get((path or self.page).as_uri())
        self.driver.get_log("browser")  # only what this page logs from here on
        return self.driver

    def scene_events(self):
        ids = set()
        for item in self.scene["items"]:
            if item.get("event"):
                ids.add(item["event"])
            ids.update(item.get("events", []))
        return ids

    def anchors(self):
        return self.driver.find_elements(By.CSS_SELECTOR, "#overlay .ev")

    def test_same_bytes_twice(self):
        self.assertEqual(self.bytes, self.again)

    def test_each_event_is_named_once(self):
        # The overlay's buttons name the events; the SVG's own names for them (which a
        # plain SVG carries) would make a screen reader meet each event twice.
        text = self.bytes.decode("utf-8")
        self.assertNotIn('role="graphics-symbol"', text)
        self.assertIn('<desc id="chart-desc">', text)  # the chart's description stays

    def test_every_event_is_on_the_page_and_reached_by_tab_in_time_order(self):
        d = self.load()
        on_page = [a.get_attribute("data-id") for a in self.anchors()]
        self.assertEqual(set(on_page), self.scene_events())
        self.assertEqual(len(on_page), len(set(on_page)))
        for a in self.anchors():
            label = a.get_attribute("aria-label")
            event = self.events[a.get_attribute("data-id")]
            self.assertIn(event["title"], label.replace("\u2068", "").replace("\u2069", ""))
            self.assertEqual(a.get_attribute("role"), "button")
        d.execute_script("""window.reached = [];
            document.addEventListener('focusin', e => window.reached.push(
              e.target.classList.contains('ev') ? e.target.dataset.id : null));""")
        d.find_element(By.ID, "search").click()
        # From the search box: the controls after it, the chart's links, then the events; not
        # one Tab more, which would leave the page for the browser's own controls.
        controls = len(d.find_elements(By.CSS_SELECTOR, "#tools select, #tools button:enabled"))
        links = len(d.find_elements(By.CSS_SELECTOR, "#stage svg a"))
        ActionChains(d).send_keys(Keys.TAB * (controls + links + len(on_page))).perform()
        focused = d.execute_script("return window.reached")
        first = next(i for i, f in enumerate(focused) if f)
        reached = focused[first:]
        self.assertEqual(reached, on_page)
        # The arrow keys step too, in the same order.
        self.anchors()[0].send_keys(Keys.ARROW_RIGHT)
        self.assertEqual(d.switch_to.active_element.get_attribute("data-id"), on_page[1])
        d.switch_to.active_element.send_keys(Keys.END)
        self.assertEqual(d.switch_to.active_element.get_attribute("data-id"), on_page[-1])

    def card_text(self):
        card = self.driver.find_element(By.ID, "card")
        self.assertTrue(card.is_displayed())
        return card.text

    def test_focus_and_hover_show_the_events_card(self):
        d = self.load()
        with_source = [a for a in self.anchors()
                       if any(s.get("url") for s in self.events[a.get_attribute("data-id")]["sources"])
                       and "member" not in a.get_attribute("class")]
        self.assertTrue(with_source)
        for anchor in (with_source[0], with_source[-1]):
            event = self.events[anchor.get_attribute("data-id")]
            d.execute_script("arguments[0].focus()", anchor)
            text = self.card_text()
            self.assertIn(event["title"], text)
            written = event["date"]["text"] + ("/" + event["end"]["text"] if event["end"] else "")
            self.assertIn(written, text)
            links = d.find_elements(By.CSS_SELECTOR, "#card a")
            self.assertEqual([a.get_attribute("href") for a in links],
                             [s["url"] for s in event["sources"] if s.get("url")])
        # A member of a mark drawn for several events says where it sits in it.
        groups = {}
        for item in self.scene["items"]:
            for at, member in enumerate(item.get("events", [])):
                groups[member] = f"{at + 1} of {len(item['events'])} events drawn as one mark"
        cards = d.execute_script("""return Array.from(document.querySelectorAll(
            '#overlay .ev.member'), a => { a.focus();
              return [a.dataset.id, document.getElementById('card').innerText]; });""")
        self.assertTrue(cards)
        for member, text in cards:
            self.assertIn(groups[member], text)
        # Hovering a mark shows its event's card.
        d.execute_script("document.activeElement.blur()")
        # (one whose middle is not under another event's area)
        hit = d.execute_script("""return Array.from(document.querySelectorAll('#overlay .hit'))
            .find(h => { const r = h.getBoundingClientRect();
              return h.dataset.i.indexOf(' ') < 0 && document.elementFromPoint(
                r.left + r.width / 2, r.top + r.height / 2) === h; });""")
        event = self.events[self.anchors()[int(hit.get_attribute("data-i"))].get_attribute("data-id")]
        ActionChains(d).move_to_element(hit).perform()
        self.assertIn(event["title"], self.card_text())
        self.assertEqual(d.get_log("browser"), [])

    def test_search_and_filters_dim_the_rest(self):
        d = self.load()
        total = len(self.anchors())
        d.find_element(By.ID, "search").send_keys("caspian")
        wanted = {i for i, e in self.events.items() if "caspian" in
                  json.dumps(e, ensure_ascii=False).lower()}
        shown = {a.get_attribute("data-id") for a in self.anchors() if a.is_displayed()}
        self.assertTrue(shown)
        self.assertLess(len(shown), total)
        self.assertLessEqual(shown, wanted)
        self.assertIn(f"{len(shown)} of {total} events match",
                      d.find_element(By.ID, "status").text)
        veiled = d.find_elements(By.CSS_SELECTOR, "#overlay .hit.out")
        self.assertTrue(veiled)
        d.find_element(By.ID, "search").clear()
        d.find_element(By.ID, "search").send_keys(" ")  # an input event after clear()
        kind = d.find_element(By.ID, "kind-filter")
        kind.find_element(By.CSS_SELECTOR, 'option[value="diplomatic"]').click()
        shown = [a.get_attribute("data-id") for a in self.anchors() if a.is_displayed()]
        self.assertTrue(shown)
        self.assertTrue(all(self.events[i]["kind"] == "diplomatic" for i in shown))
        self.assertEqual(d.get_log("browser"), [])

    def test_the_key_filters_by_kind_and_stays_in_step_with_the_select(self):
        d = self.load()
        keys = d.find_elements(By.CSS_SELECTOR, "#overlay .key")
        drawn = {self.events[i]["kind"] for i in self.scene_events()}

        def state():
            """The kinds of the events shown, each key's aria-pressed, the select's value."""
            shown, pressed, value = d.execute_script("""return [
                Array.from(document.querySelectorAll('#overlay .ev'))
                  .filter(a => !a.hidden).map(a => a.dataset.id),
                Array.from(document.querySelectorAll('#overlay .key'),
                  k => k.getAttribute('aria-pressed')),
                document.getElementById('kind-filter').value];""")
            return {self.events[i]["kind"] for i in shown}, pressed, value

        kinds = [k.get_attribute("data-kind") for k in keys]
        self.assertEqual(set(kinds), drawn)
        off = ["false"] * len(keys)
        self.assertEqual(state(), (drawn, off, ""))
        keys[0].click()
        self.assertEqual(state(), ({kinds[0]}, ["true"] + off[1:], kinds[0]))
        keys[0].send_keys(Keys.ENTER)  # pressed again: every kind again
        self.assertEqual(state(), (drawn, off, ""))
        keys[1].send_keys(Keys.SPACE)
        self.assertEqual(state(), ({kinds[1]}, ["false", "true"] + off[2:], kinds[1]))
        select = d.find_element(By.ID, "kind-filter")
        select.find_element(By.CSS_SELECTOR, f'option[value="{kinds[0]}"]').click()
        self.assertEqual(state(), ({kinds[0]}, ["true"] + off[1:], kinds[0]))
        self.assertEqual(d.get_log("browser"), [])

    def test_the_page_scrolls_down_the_chart_box_only_across_and_keys_pan(self):
        d = self.load()
        box = "document.getElementById('viewport')"
        self.assertLessEqual(d.execute_script(f"return {box}.scrollHeight - {box}.clientHeight"),
                             1, "at the default zoom the chart box scrolls down")
        d.execute_script("document.activeElement.blur()")
        ActionChains(d).send_keys("+++").perform()
        sizes = d.execute_script(f"""const v = {box}, s = document.scrollingElement;
            return [v.scrollHeight - v.clientHeight, v.scrollWidth - v.clientWidth,
                    s.scrollHeight - s.clientHeight];""")
        self.assertLessEqual(sizes[0], 1, "the chart box scrolls down beside the page")
        self.assertGreater(sizes[1], 0, "zoomed in, the chart box scrolls across")
        self.assertGreater(sizes[2], 0, "zoomed in, the page scrolls down")
        # What scrolls into view stops below the sticky tools (Shift+Tab scrolls so too).
        below = d.execute_script("""const a = document.querySelector('#overlay .ev');
            window.scrollTo(0, document.scrollingElement.scrollHeight); a.scrollIntoView();
            return a.getBoundingClientRect().top -
                   document.getElementById('tools').getBoundingClientRect().bottom;""")
        self.assertGreaterEqual(below, 0, "an event scrolled into view hides under the tools")
        before = d.execute_script(f"return {box}.scrollLeft")
        ActionChains(d).send_keys(Keys.ARROW_RIGHT).perform()
        left = d.execute_script(f"return {box}.scrollLeft")
        self.assertGreater(left, before)
        ActionChains(d).send_keys(Keys.ARROW_LEFT).perform()
        self.assertLess(d.execute_script(f"return {box}.scrollLeft"), left)

    LEVEL = """const v = document.getElementById('viewport');
        const stage = Array.from(v.children).find(s => !s.hidden);
        const pairs = stage.dataset.axis.split(' ').map(Number);
        const stops = [];
        for (let k = 0; k < pairs.length; k += 2) stops.push([pairs[k], pairs[k + 1] / 100]);
        const w = stage.getBoundingClientRect().width;
        const share = (v.scrollLeft + v.clientWidth / 2) / w;
        let day = stops[0][0];
        for (let k = 0; k + 1 < stops.length; k++)
          if (share >= stops[k][1]) day = stops[k][0] + (stops[k + 1][0] - stops[k][0]) *
            Math.min(1, (share - stops[k][1]) / (stops[k + 1][1] - stops[k][1]));
        const axis = (stops[stops.length - 1][1] - stops[0][1]) * w;
        const days = (stops[stops.length - 1][0] - stops[0][0]) * v.clientWidth / axis;
        return {times: stage.dataset.times, width: w, axis: axis, middle: day, shown: days,
                focused: document.activeElement.dataset.id || null,
                in_stage: stage.contains(document.activeElement)};"""

    def level(self):
        """The level shown: its width and its axis's on screen, the day at the middle of the
        box (read from its data-axis), about how many days the box shows, the focus."""
        return self.driver.execute_script(self.LEVEL)

    def press_time(self, times):
        self.driver.find_element(By.CSS_SELECTOR, f'.time-level[data-times="{times}"]').click()

    def label_heights(self, stage):
        """The height on screen of each event's own label (its element), by event."""
        return self.driver.execute_script("""return Object.fromEntries(Array.from(
            document.querySelectorAll('#' + arguments[0] + ' .ev:not(.member)'),
            a => [a.dataset.id, a.getBoundingClientRect().height]));""", stage)

    def test_the_time_zoom_widens_the_axis_keeps_text_middle_and_focus(self):
        # One page load for all of it: CI's time is tight.
        d = self.load()
        one = self.level()
        heights = self.label_heights("stage")
        self.press_time(2)
        two = self.level()
        self.assertEqual(two["times"], "2")
        self.assertAlmostEqual(two["width"] / one["width"], 2, delta=0.02)
        self.assertGreaterEqual(two["axis"] / one["axis"], 2)
        wider = self.label_heights("stage-x2")
        same = set(heights) & set(wider)
        self.assertTrue(same)
        for event in same:
            self.assertAlmostEqual(wider[event] / heights[event], 1, delta=0.1, msg=event)
        # The date at the middle of the box stays there, within a few % of what it shows.
        self.assertAlmostEqual(two["middle"], one["middle"], delta=0.03 * two["shown"])
        d.execute_script("document.getElementById('viewport').scrollLeft += 300")
        two = self.level()
        self.press_time(4)
        four = self.level()
        self.assertEqual(four["times"], "4")
        self.assertAlmostEqual(four["middle"], two["middle"], delta=0.03 * four["shown"])
        # The focused event keeps the focus (t and T switch), and its card.
        anchors = d.find_elements(By.CSS_SELECTOR, "#overlay-x4 .ev")
        focused = anchors[len(anchors) // 2].get_attribute("data-id")
        d.execute_script("arguments[0].focus()", anchors[len(anchors) // 2])
        ActionChains(d).send_keys("T").perform()
        two = self.level()
        self.assertEqual((two["times"], two["focused"], two["in_stage"]), ("2", focused, True))
        self.assertIn(self.events[focused]["title"], self.card_text())
        # Every event of the 2x level by Tab, in time order, after its links.
        on_level = [a.get_attribute("data-id")
                    for a in d.find_elements(By.CSS_SELECTOR, "#overlay-x2 .ev")]
        self.assertEqual(set(on_level), self.scene_events())
        d.execute_script("""window.reached = [];
            document.getElementById('zoom-reset').focus();
            document.addEventListener('focusin', e => window.reached.push(
              e.target.classList.contains('ev') ? e.target.dataset.id : null));""")
        links = len(d.find_elements(By.CSS_SELECTOR, "#stage-x2 svg a"))
        ActionChains(d).send_keys(Keys.TAB * (links + len(on_level))).perform()
        self.assertEqual([f for f in d.execute_script("return window.reached") if f], on_level)
        self.assertEqual(d.get_log("browser"), [])

    def test_without_javascript_the_chart_and_its_links_remain(self):
        d = self.driver
        d.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": True})
        try:
            self.load()
            svg = d.find_element(By.CSS_SELECTOR, "#stage > svg")
            self.assertGreater(svg.size["width"], 800)
            self.assertGreater(svg.size["height"], 300)
            hrefs = d.execute_script("return Array.from(document.querySelectorAll('svg a'), "
                                     "a => a.href.baseVal)")
            self.assertIn("https://www.ukrinform.net/", hrefs)
            self.assertFalse(d.find_element(By.ID, "tools").is_displayed())
            self.assertFalse(d.find_element(By.ID, "card").is_displayed())
            self.assertTrue(d.find_elements(By.CSS_SELECTOR, "#overlay .key"))
            self.assertFalse(any(k.is_displayed()
                                 for k in d.find_elements(By.CSS_SELECTOR, "#overlay .key")))
            # The time zoom's wider levels wait for the script.
            self.assertEqual(len(d.find_elements(By.CSS_SELECTOR, "#viewport > .stage")), 3)
            self.assertFalse(d.find_element(By.ID, "stage-x2").is_displayed())
            self.assertFalse(d.find_element(By.ID, "stage-x4").is_displayed())
        finally:
            d.execute_cdp_cmd("Emulation.setScriptExecutionDisabled", {"value": False})

    def test_input_text_stays_text(self):
        d = self.load(self.hostile)
        self.assertEqual(len(d.find_elements(By.TAG_NAME, "script")), 2)
        self.assertEqual(d.find_elements(By.CSS_SELECTOR, "body img, body b, body i"), [])
        anchor = self.anchors()[0]
        d.execute_script("arguments[0].focus()", anchor)
        text = self.card_text()
        self.assertIn("</script><script>alert(2)</script><!--", text)
        self.assertIn("<i>Pub</i>", text)
        link = d.find_element(By.CSS_SELECTOR, "#card a")
        self.assertEqual(link.get_attribute("href"), "https://example.org/?a=1&b=%3Cx%3E")
        options = [o.text for o in d.find_elements(By.CSS_SELECTOR, "#actor-filter option")]
        self.assertIn("Iran <img src=x onerror=alert(1)>", options)
        self.assertEqual(d.get_log("browser"), [])


if __name__ == "__main__":
    unittest.main()
