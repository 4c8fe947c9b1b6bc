"""Debian's Chromium driven headless by Selenium, offline: the driver is the system's
chromedriver (Selenium Manager never runs, so nothing is downloaded)."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
PHONE = (390, 844)
DESKTOP = (1920, 1080)  # a desktop monitor: labels beside the feet (smaller windows list them)


def browser(size: tuple[int, int], mobile: bool = False, viewport: bool = False, text_px: int = 0):
    """Chromium whose window is `size`; with `mobile`, a phone of that many CSS px at device
    pixel ratio 2 (the page sees innerWidth × innerHeight = size). A plain window's size is
    the outer window's: headless Chromium keeps about 140 px of it for its own (invisible)
    toolbar, so an 844×390 window shows the page 844×247; `viewport` resizes the window until
    the page itself sees `size` (the screen of a phone, a laptop's browser without its bars).
    `text_px`: the reader's own text size in the browser's settings (16 unless they chose)."""
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail("Chromium is missing: apt-get install chromium chromium-driver (see the README)")
    os.environ["SE_OFFLINE"] = "true"
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-default-apps",
        "--disable-extensions",
        "--no-first-run",
        "--disable-sync",
        "--hide-scrollbars",
        "--force-device-scale-factor=1",
        "--lang=en-GB",
        f"--window-size={size[0]},{size[1]}",
    ):
        options.add_argument(flag)
    if mobile:
        options.add_experimental_option(
            "mobileEmulation",
            {"deviceMetrics": {"width": size[0], "height": size[1], "pixelRatio": 2, "touch": True}},
        )
    if text_px:
        options.add_experimental_option("prefs", {"webkit.webprefs.default_font_size": text_px})
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(str(CHROMEDRIVER)), options=options)
    driver.set_window_size(*size)
    if viewport and not mobile:
        inner = driver.execute_script("return [window.innerWidth, window.innerHeight]")
        driver.set_window_size(2 * size[0] - inner[0], 2 * size[1] - inner[1])
    return driver


def network_requests(driver) -> list[str]:
    """Every URL the page asked the network stack for (from the DevTools performance log)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


def client_point(driver, view_id: str, x_mm: float, y_mm: float) -> tuple[float, float]:
    """Viewport pixels of a point given in a view's millimetres (the SVG's own transform)."""
    return tuple(
        driver.execute_script(
            """
            const g = document.querySelector('figure:not([hidden]) g.view[data-view="' + arguments[0] + '"]');
            const svg = g.ownerSVGElement;
            const p = svg.createSVGPoint(); p.x = arguments[1]; p.y = arguments[2];
            const q = p.matrixTransform(g.getScreenCTM());
            return [q.x, q.y];
            """,
            view_id,
            x_mm,
            y_mm,
        )
    )


def click_at(driver, x: float, y: float) -> None:
    """A real pointer click at viewport pixels."""
    from selenium.webdriver.common.action_chains import ActionChains

    actions = ActionChains(driver)
    actions.w3c_actions.pointer_action.move_to_location(round(x), round(y))
    actions.w3c_actions.pointer_action.click()
    actions.perform()


def click_mm(driver, view_id: str, x_mm: float, y_mm: float) -> None:
    """A real click at a chart point, scrolled into the visible upper part of the window first
    (on a phone the zone card covers the lower part)."""
    x, y = client_point(driver, view_id, x_mm, y_mm)
    height = driver.execute_script("return window.innerHeight")
    if not 80 < y < height * 0.5:
        driver.execute_script("window.scrollBy(0, arguments[0])", y - height * 0.3)
        driver.execute_script("document.getElementById('chart').scrollBy(0, 0)")
        x, y = client_point(driver, view_id, x_mm, y_mm)
    click_at(driver, x, y)


def have_browser() -> bool:
    return CHROMIUM.exists() and CHROMEDRIVER.exists() and shutil.which("chromedriver") is not None
