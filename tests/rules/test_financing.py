"""Financing table tests: TTL 14:3a–3d (385/2023), 555/1998 §4 (387/2023), the old TMT model."""

from datetime import date

import pytest

from saumaton.rules.errors import RuleInputError
from saumaton.rules.financing import BenefitSpell, monthly_municipal_cost, municipal_share

D = date
TMT, PPR, APR, YT = (
    "labour_market_subsidy",
    "basic_allowance",
    "earnings_related_allowance",
    "general_support",
)


@pytest.mark.parametrize(
    ("benefit", "day", "payment", "share"),
    [
        # old model, TTL 14:3a before 2025: state 100 % to 300, 50/50 to 1,000, then 70 %
        (TMT, 300, D(2019, 6, 3), 0.0),
        (TMT, 301, D(2022, 5, 1), 0.5),
        (TMT, 1000, D(2024, 12, 31), 0.5),
        (TMT, 1001, D(2024, 12, 31), 0.7),
        (PPR, 900, D(2024, 12, 31), 0.0),  # old model financed only TMT
        # new model from 2025-01-01 (555/1998 §4, 387/2023)
        (TMT, 100, D(2025, 1, 1), 0.0),
        (TMT, 101, D(2025, 1, 1), 0.10),
        (TMT, 201, D(2025, 6, 2), 0.20),
        (TMT, 301, D(2025, 6, 2), 0.30),
        (TMT, 401, D(2026, 1, 1), 0.40),
        (TMT, 700, D(2026, 3, 1), 0.40),
        (TMT, 701, D(2026, 3, 1), 0.50),
        (TMT, 701, D(2026, 4, 30), 0.50),  # last day of TMT
        (PPR, 701, D(2025, 1, 1), 0.40),  # PPR ladder ends at 40 %
        (APR, 150, D(2026, 9, 1), 0.10),  # basic-allowance component of APR
        (APR, 901, D(2026, 9, 1), 0.40),
        (YT, 101, D(2026, 5, 1), 0.10),  # UNCONFIRMED configuration (RULES.md §12.3)
        (YT, 701, D(2026, 9, 1), 0.50),
    ],
)
def test_share_table(benefit, day, payment, share):
    assert municipal_share(benefit, day, payment).share == share


def test_general_support_is_flagged_unverified():
    result = municipal_share(YT, 500, D(2026, 5, 4))
    assert result.verified is False
    assert result.basis[0].startswith("UNCONFIRMED")


@pytest.mark.parametrize(
    ("benefit", "payment"),
    [(TMT, D(2026, 5, 1)), (PPR, D(2026, 5, 1)), (YT, D(2026, 4, 30)), ("pension", D(2025, 1, 1))],
)
def test_benefit_not_paid_on_date(benefit, payment):
    with pytest.raises(RuleInputError) as exc:
        municipal_share(benefit, 200, payment)
    assert exc.value.field == "benefit"


def test_exclusions():
    # 555/1998 §4(4): no share for APR lay-off days
    assert municipal_share(APR, 500, D(2025, 3, 3), lay_off_day=True).share == 0.0
    # TTL 14:3a(4): integration window
    assert municipal_share(TMT, 500, D(2025, 3, 3), integration_window=True).share == 0.0
    # old model: no share during services; new model: not interrupted
    assert municipal_share(TMT, 500, D(2024, 3, 1), during_service=True).share == 0.0
    assert municipal_share(TMT, 500, D(2025, 3, 3), during_service=True).share == 0.4
    with pytest.raises(RuleInputError):
        municipal_share(TMT, 0, D(2025, 3, 3))
    with pytest.raises(RuleInputError) as exc:
        municipal_share(TMT, 10, D(2014, 12, 31))
    assert exc.value.field == "payment_date"


def test_month_cost_and_step_ups():
    spells = [
        BenefitSpell(D(2025, 1, 1), D(2026, 4, 30), TMT),
        BenefitSpell(D(2026, 5, 1), D(2026, 12, 31), YT),
    ]
    june = monthly_municipal_cost(spells, 2025, 6)
    assert (june.paid_days, june.cost_eur, june.verified) == (21, round(21 * 37.21 * 0.1, 2), True)
    assert [(s.date, s.paid_day_number, s.share) for s in june.step_ups] == [
        (D(2025, 5, 21), 101, 0.1),
        (D(2025, 10, 8), 201, 0.2),
        (D(2026, 2, 25), 301, 0.3),
        (D(2026, 7, 15), 401, 0.4),
    ]
    may_2026 = monthly_municipal_cost(spells, 2026, 5)
    assert may_2026.verified is False  # general support share is configuration
    assert monthly_municipal_cost(spells, 2027, 1).paid_days == 0


def test_counter_restarts_with_new_entitlement():
    # TTL 14:3b(4): a new maximum period restarts the PPR/APR count
    spells = [
        BenefitSpell(D(2025, 1, 1), D(2025, 12, 31), PPR),
        BenefitSpell(D(2026, 2, 2), D(2026, 3, 31), APR, daily_amount=37.21, new_entitlement=True),
    ]
    assert monthly_municipal_cost(spells, 2026, 3).cost_eur == 0.0


def test_overlapping_spells_rejected():
    spells = [
        BenefitSpell(D(2025, 1, 1), D(2025, 3, 1), TMT),
        BenefitSpell(D(2025, 2, 1), D(2025, 4, 1), TMT),
    ]
    with pytest.raises(RuleInputError):
        monthly_municipal_cost(spells, 2025, 2)
