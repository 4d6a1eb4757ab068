"""Deterministic inputs: varied offers as people type them, and a ten-offer portfolio."""

from __future__ import annotations

import json
import random
from pathlib import Path
from typing import Any

from benchmarks.harness import ROOT

EXAMPLE = ROOT / "resources" / "example.offerlens.json"
COMPANIES = [
    "字节跳动 ByteDance",
    "阿里巴巴 Alibaba",
    "腾讯 Tencent",
    "华为 Huawei",
    "美团 Meituan",
    "百度 Baidu",
    "京东 JD",
    "快手 Kuaishou",
    "月之暗面 Moonshot",
    "智谱 Zhipu",
    "小红书 Xiaohongshu",
    "网易 NetEase",
]
CITIES = ["Beijing", "Shanghai", "Shenzhen", "Hangzhou", "Chengdu", ""]


def quick_entry(rnd: random.Random) -> str:
    """A pay string in the shorthand people use, e.g. ``35k*16 + 签字费10w``."""
    base = rnd.randint(15, 90)
    months = rnd.choice([13, 14, 15, 16, 18])
    text = f"{base}k*{months}"
    if rnd.random() < 0.5:
        text += f" + 签字费{rnd.randint(1, 30)}w"
    if rnd.random() < 0.2:
        text += f" + 股票{rnd.randint(10, 200)}w/4年"
    return text


def offer_dicts(count: int, seed: int = 2024) -> list[dict[str, Any]]:
    """``count`` offers as they would appear in a portfolio file written by hand."""
    rnd = random.Random(seed)
    offers = []
    for i in range(count):
        offer: dict[str, Any] = {
            "company": rnd.choice(COMPANIES),
            "city": rnd.choice(CITIES),
            "pay": quick_entry(rnd),
            "employer_type": rnd.choice(["big_tech", "big_tech", "ai_startup", "startup"]),
            "schedule": rnd.choice(["双休", "大小周", "two_day_weekend"]),
            "non_compete": rnd.random() < 0.2,
        }
        if rnd.random() < 0.2:
            offer["hr_tier"] = rnd.choice(["standard", "sp", "ssp"])
        if rnd.random() < 0.3:
            offer["deadline"] = f"2024-09-{rnd.randint(1, 28):02d}"
        if rnd.random() < 0.1:
            offer["talent_program"] = "Top Seed"
        offer["id"] = f"bench{i:07d}"
        offers.append(offer)
    return offers


def example_portfolio() -> dict[str, Any]:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


def ten_offer_portfolio() -> dict[str, Any]:
    """The example portfolio topped up to ten offers (as a portfolio document)."""
    data = example_portfolio()
    offers = list(data.get("offers", []))[:10]
    extra = offer_dicts(10 - len(offers), seed=10)
    for i, offer in enumerate(extra):
        offer["company"] = COMPANIES[i % len(COMPANIES)]
    data["offers"] = offers + extra
    data["example"] = False
    return data


def write_portfolio(data: dict[str, Any], path: Path) -> Path:
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    return path
