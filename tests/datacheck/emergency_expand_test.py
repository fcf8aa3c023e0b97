#!/usr/bin/python3
"""Unit tests of the emergency-pattern expander in data/tools/emergency.py.

The expander must give exactly the strings a pattern accepts, and refuse any
syntax it does not handle rather than guess.  Run with /usr/bin/python3 (the
generator imports python3-phonenumbers and python3-yaml); a missing module is
a failure, never a skip.
"""

import os
import sys
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # no __pycache__ in the source tree
sys.path.insert(0, os.path.join(HERE, "..", "..", "data", "tools"))

import emergency  # noqa: E402  (exits with a message when a module is missing)
from emergency import ExpandError, expand  # noqa: E402


class Expand(unittest.TestCase):
    def test_literal(self):
        self.assertEqual(expand("112"), {"112"})

    def test_alternation(self):
        self.assertEqual(expand("112|911|999"), {"112", "911", "999"})

    def test_class_and_range(self):
        self.assertEqual(expand("11[0268]"), {"110", "112", "116", "118"})
        self.assertEqual(expand("99[7-9]"), {"997", "998", "999"})
        self.assertEqual(expand("1[2-35]"), {"12", "13", "15"})

    def test_digit_escape(self):
        self.assertEqual(len(expand(r"1\d")), 10)
        self.assertEqual(expand(r"[\d]"), set("0123456789"))

    def test_groups(self):
        self.assertEqual(expand("1(?:0[01]|12)"), {"100", "101", "112"})
        self.assertEqual(expand("(?:01|99)9"), {"019", "999"})
        self.assertEqual(expand("9(11)"), {"911"})

    def test_optional(self):
        self.assertEqual(expand("0(?:11?|22?)"), {"01", "011", "02", "022"})
        self.assertEqual(expand("9(?:11?|2)"), {"91", "911", "92"})

    def test_bounded_repeat(self):
        self.assertEqual(expand("1{3}"), {"111"})
        self.assertEqual(expand("9{1,3}"), {"9", "99", "999"})
        self.assertEqual(len(expand(r"1\d{2}")), 100)

    def test_metadata_examples(self):
        # Mexico: the metadata's example is 060, the number to dial is 911.
        self.assertEqual(expand("0(?:6[0568]|80)|911"),
                         {"060", "065", "066", "068", "080", "911"})
        self.assertEqual(expand("1(?:0[1-3]|12)"), {"101", "102", "103", "112"})
        self.assertEqual(expand("1(?:01(?:11|77)|12)"), {"10111", "10177", "112"})

    def test_refuses_unbounded(self):
        for p in ("1*", "1+", "1{2,}", r"\d+", "(?:12)*"):
            with self.assertRaises(ExpandError, msg=p):
                expand(p)

    def test_refuses_unknown_syntax(self):
        for p in ("^112", "112$", "[^1]", "(?=1)1", "(?!1)2", r"\w", r"\s", "1.", "(12",
                  "12)", "[12", "1??", "a", "[a-c]", "[9-1]", r"(1)\1", "1{3,1}",
                  "(?P<x>1)", "1{x}"):
            with self.assertRaises(ExpandError, msg=p):
                expand(p)

    def test_refuses_explosion(self):
        with self.assertRaises(ExpandError):
            expand(r"\d{5}")  # 100000 strings: far beyond any emergency pattern

    def test_empty_pattern_and_empty_alternative(self):
        # An empty alternative accepts the empty string; the generator's
        # is_emergency_number() cross-check then rejects it.
        self.assertEqual(expand("1|"), {"1", ""})

    def test_every_metadata_pattern_expands(self):
        regions = emergency.metadata_regions()
        self.assertGreaterEqual(len(regions), 240)
        for region, pattern in regions.items():
            numbers = expand(pattern)
            self.assertTrue(numbers, region)
            self.assertNotIn("", numbers, region)


if __name__ == "__main__":
    unittest.main()
