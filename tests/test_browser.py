"""Headless Chromium drives the pages: stored query from the menu, a resource page, its quote, the money picture."""

from __future__ import annotations

import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from servers import free_port

from kg.config import PROJECT_ROOT
from kg.serve import Settings, create_app

pytestmark = pytest.mark.browser
DATA = Path(__file__).parent / "data" / "sparql"
ARTEFACTS = PROJECT_ROOT / "test-artifacts"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMEDRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"


@pytest.fixture(scope="module")
def live() -> Iterator[str]:
    from werkzeug.serving import make_server

    app = create_app(Settings(build_dir=DATA, queries_dir=DATA / "queries"))
    server = make_server("127.0.0.1", free_port(), app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(5)


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory):  # noqa: ANN201
    if not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()):
        pytest.skip(
            "chromium / chromedriver missing: `make test` installs Debian's chromium and chromium-driver"
        )
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    opts = webdriver.ChromeOptions()
    opts.binary_location = CHROMIUM
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--window-size=1280,1600",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        opts.add_argument(flag)
    # An explicit driver path: Selenium Manager never runs, so nothing is downloaded.
    driver = webdriver.Chrome(service=Service(executable_path=CHROMEDRIVER), options=opts)
    driver.set_page_load_timeout(30)
    ARTEFACTS.mkdir(exist_ok=True)
    yield driver
    driver.quit()


def test_researcher_path_through_the_pages(live: str, browser) -> None:  # noqa: ANN001
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as ec
    from selenium.webdriver.support.select import Select
    from selenium.webdriver.support.ui import WebDriverWait

    wait = WebDriverWait(browser, 15)
    browser.get(live + "/query")
    # Choose a stored query from the menu: the page loads its text and its parameter as a form field.
    Select(browser.find_element(By.ID, "name")).select_by_visible_text("Money of a project by year and stage")
    field = wait.until(ec.presence_of_element_located((By.ID, "param-project")))
    assert "Every stated amount" in browser.find_element(By.ID, "description").text
    field.send_keys("https://kg.example.org/id/project/musterhafen")
    browser.find_element(By.ID, "run").click()
    wait.until(ec.presence_of_element_located((By.ID, "row-count")))
    assert browser.find_element(By.ID, "row-count").text == "4"
    assert browser.find_element(By.ID, "download-csv").get_attribute("href").startswith(live + "/query.csv?")
    browser.save_screenshot(str(ARTEFACTS / "browser-1-query.png"))

    # Follow a link from the table to the resource page of an amount: its quote, highlighted.
    browser.find_element(By.CSS_SELECTOR, "a[href='/id/amount/doc-a/229-258/granted-total']").click()
    mark = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#quotes mark")))
    assert mark.text == "Bewilligt wurden 200.000 Euro"
    assert mark.value_of_css_property("background-color") == "rgba(255, 224, 102, 1)"
    browser.save_screenshot(str(ARTEFACTS / "browser-2-amount.png"))

    # The source text, with the quote marked where it stands.
    browser.find_element(By.CSS_SELECTOR, "#quotes a.source-link").click()
    hl = wait.until(ec.presence_of_element_located((By.ID, "hl")))
    assert hl.text == "Bewilligt wurden 200.000 Euro"
    browser.save_screenshot(str(ARTEFACTS / "browser-3-source.png"))

    # The project's page: the money picture (inline SVG, drawn on the server) and the partners.
    browser.back()
    wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#quotes mark")))
    browser.find_element(By.CSS_SELECTOR, "#out a[href='/id/project/musterhafen']").click()
    svg = wait.until(ec.presence_of_element_located((By.CSS_SELECTOR, "#money svg")))
    assert svg.size["width"] > 300 and svg.size["height"] > 150
    assert "bewilligt" in svg.get_attribute("innerHTML")
    assert "Verein Hafenfreunde e. V." in browser.find_element(By.ID, "partners").text
    browser.save_screenshot(str(ARTEFACTS / "browser-4-project.png"))
    for name in ("browser-1-query.png", "browser-4-project.png"):
        assert (ARTEFACTS / name).stat().st_size > 10_000
