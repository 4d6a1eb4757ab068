"""The command line: formats people and scripts read, and one clear line for bad input."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from offerlens.__main__ import main

PORTFOLIO = {
    "schema_version": 1,
    "candidate": {"degree": "master", "track": "campus", "role_family": "algorithm"},
    "offers": [
        {"company": "阿里巴巴", "monthly_base": 26000, "months": 16},
        {"company": "ByteDance", "monthly_base": 45000, "months": 16, "non_compete": True},
        {"company": "Huawei", "annual_package": 1500000},
        {"company": "Small Co", "monthly_base": 12000, "months": 13},
    ],
}


def write(tmp_path: Path, data, name: str = "p.offerlens.json") -> Path:
    path = tmp_path / name
    path.write_text(data if isinstance(data, str) else json.dumps(data), encoding="utf-8")
    return path


def test_evaluate_json_has_the_documented_keys(tmp_path, capsys) -> None:
    assert main(["evaluate", str(write(tmp_path, PORTFOLIO)), "--format", "json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [o["tier"] for o in out] == ["standard", "ssp", "talent_program", "below_standard"]
    for o in out:
        for key in (
            "company",
            "tier",
            "percentile",
            "first_year_total_cny",
            "steady_state_total_cny",
            "breakdown",
            "flags",
        ):
            assert key in o
    assert out[1]["steady_state_total_cny"] == 720000
    nc = next(f for f in out[1]["flags"] if f["id"] == "non_compete")
    assert nc["source"]["source"].startswith("004_") and nc["severity"] == "warning"


def test_evaluate_table_and_markdown(tmp_path, capsys) -> None:
    path = str(write(tmp_path, PORTFOLIO))
    assert main(["evaluate", path]) == 0
    table = capsys.readouterr().out
    assert "阿里巴巴" in table and "416,000" in table and "SSP" in table
    assert main(["evaluate", path, "--format", "markdown"]) == 0
    md = capsys.readouterr().out
    assert md.startswith("| company |") and "| ByteDance | SSP |" in md


def test_evaluate_and_parse_speak_chinese_with_lang_zh(tmp_path, capsys) -> None:
    from offerlens.domain.bands import load_dataset
    from offerlens.domain.evaluate import evaluate_portfolio
    from offerlens.domain.models import Portfolio

    path = write(tmp_path, PORTFOLIO)
    assert main(["--lang", "zh", "evaluate", str(path)]) == 0
    table = capsys.readouterr().out
    assert table.startswith("公司") and "白菜" in table and "SSP" in table
    evaluations = evaluate_portfolio(Portfolio.model_validate(PORTFOLIO), load_dataset())
    for flag in (f for e in evaluations for f in e.flags):
        assert flag.message_zh in table and flag.message not in table
    assert main(["--lang", "zh", "evaluate", str(path), "--format", "markdown"]) == 0
    assert capsys.readouterr().out.startswith("| 公司 |")
    assert main(["--lang", "zh", "parse", "35k*13 + 10w签字费"]) == 0
    assert "签字费 100,000" in capsys.readouterr().out
    assert main(["--lang", "zh", "parse", "35k*13 + 花呗"]) == 2
    assert "无法识别：“花呗”" in capsys.readouterr().err


def test_evaluate_says_when_there_are_no_offers(tmp_path, capsys) -> None:
    empty = write(tmp_path, {"schema_version": 1, "offers": []})
    assert main(["evaluate", str(empty)]) == 0
    assert "no offers in" in capsys.readouterr().err
    assert main(["--data-dir", str(tmp_path / "never-run"), "evaluate"]) == 0
    err = capsys.readouterr().err
    assert "no offers in the app's portfolio" in err
    assert "offerlens evaluate my.offerlens.json" in err
    assert not (tmp_path / "never-run").exists()  # reading writes nothing


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ("{not json", "not valid JSON (line 1, column 2"),
        (
            '{"offers": [{"company": "Z", "months": 30, "monthly_base": 5000}]}',
            "offers[0].months: must be between 12 and 24",
        ),
        ('{"offers": [{"company": "Z", "monthly_base": -1}]}', "monthly_base"),
        ('{"offers": [{"company": "Z", "monthly_base": NaN}]}', "NaN is not allowed"),
        ('{"offers": [{"company": "Z", "salary": 5}]}', "salary: is not a known field"),
        ("[1, 2]", "must hold a JSON object"),
        ('{"schema_version": 99}', "newer"),
    ],
)
def test_bad_input_exits_2_with_one_line(tmp_path, capsys, content, expected) -> None:
    path = tmp_path / "bad.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    assert main(["evaluate", str(path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert str(path) in err and expected in err


def test_directory_instead_of_file(tmp_path, capsys) -> None:
    assert main(["evaluate", str(tmp_path)]) == 2
    assert "a folder is where the portfolio file should be" in capsys.readouterr().err


def test_bands_lists_citations_and_assumptions(capsys) -> None:
    assert main(["bands", "--degree", "phd"]) == 0
    out = capsys.readouterr().out
    assert "Campus · PhD" in out and "ASSUMPTION phd_standard_anchor" in out
    assert "Für Doktoranden kann das Abschlussgehalt eine Million Yuan erreichen" in out
    assert main(["bands", "--track", "experienced", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["segments"] == [] and all(
        f["track"] in (None, "experienced") for f in data["figures"]
    )


def test_bands_in_chinese_use_the_datasets_chinese_texts(capsys) -> None:
    from offerlens.domain.bands import load_dataset

    assert main(["--lang", "zh", "bands"]) == 0
    out = capsys.readouterr().out
    ds = load_dataset()
    assert ds.disclaimer_zh in out and ds.disclaimer not in out
    assert all(seg.label_zh in out for seg in ds.segments)
    assert all(a.label_zh in out for a in ds.assumptions)
    assert "Für Doktoranden kann das Abschlussgehalt eine Million Yuan erreichen" in out  # quotes
    from offerlens.cli import _width

    bands = [line for line in out.splitlines() if line.endswith("(假设：推导)")]
    assert len(bands) == 5 * len(ds.segments)
    assert len({_width(line[: line.index("–")]) for line in bands}) == 1  # columns line up


def test_module_entry_point_help() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "offerlens", "--help"], capture_output=True, text=True, check=True
    ).stdout
    for command in ("evaluate", "parse", "bands", "export"):
        assert command in out


def test_without_a_file_the_apps_own_portfolio_is_used_and_recovered(tmp_path, capsys) -> None:
    from offerlens.domain.models import Offer, Portfolio
    from offerlens.store import default_portfolio_path, save_portfolio

    home = tmp_path / "home"
    target = default_portfolio_path(home)
    target.parent.mkdir(parents=True)
    save_portfolio(target, Portfolio(offers=[Offer(company="Kept", monthly_base=30000)]),
                   data_dir=home)
    target.write_bytes(b"\x00garbage{")
    assert main(["--data-dir", str(home), "evaluate", "--format", "json"]) == 0
    captured = capsys.readouterr()
    assert [o["company"] for o in json.loads(captured.out)] == ["Kept"]
    assert "backup" in captured.err.lower()
    assert any("corrupt" in p.name for p in target.parent.iterdir())


def test_user_city_edits_reach_the_cli(tmp_path, capsys) -> None:
    path = write(tmp_path, {"candidate": {}, "offers": [
        {"company": "A", "city": "Beijing", "monthly_base": 30000, "months": 15}]})
    assert main(["evaluate", str(path), "--format", "json"]) == 0
    shipped = json.loads(capsys.readouterr().out)[0]["take_home_steady_state_cny"]
    home = tmp_path / "home"
    home.mkdir()
    (home / "cities.user.json").write_text(json.dumps(
        {"schema_version": 1, "cities": [{"id": "beijing", "social_base_upper": 20000}]}))
    assert main(["--data-dir", str(home), "evaluate", str(path), "--format", "json"]) == 0
    edited = json.loads(capsys.readouterr().out)[0]["take_home_steady_state_cny"]
    assert edited > shipped  # a lower contribution cap leaves more cash


def test_export_lang_zh_writes_chinese(tmp_path, capsys) -> None:
    from tests.decision_fixtures import hostile_portfolio

    source = tmp_path / "p.offerlens.json"
    source.write_text(hostile_portfolio().model_dump_json(), encoding="utf-8")
    out = tmp_path / "s.md"
    assert main(["export", str(source), "-o", str(out), "--lang", "zh"]) == 0
    text = out.read_text(encoding="utf-8")
    assert "## 决策矩阵" in text and "Decision matrix" not in text
    assert main(["export", str(source), "-o", str(out)]) == 0  # English stays the default
    assert "## Decision matrix" in out.read_text(encoding="utf-8")
    assert main(["--lang", "zh", "export", str(source), "-o", str(out)]) == 0  # the run's
    assert "## 决策矩阵" in out.read_text(encoding="utf-8")
    assert main(["--lang", "zh", "export", str(source), "-o", str(out), "--lang", "en"]) == 0
    assert "## Decision matrix" in out.read_text(encoding="utf-8")


def test_export_rejects_an_unknown_language_naming_it(tmp_path, capsys) -> None:
    source = write(tmp_path, {"candidate": {}, "offers": [{"company": "A", "monthly_base": 1}]})
    out = tmp_path / "s.md"
    with pytest.raises(SystemExit) as exit_info:
        main(["export", str(source), "-o", str(out), "--lang", "fr"])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--lang" in err and "'fr'" in err and "en or zh" in err and "Traceback" not in err
    assert not out.exists()
