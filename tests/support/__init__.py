"""Test helpers: real servers the tests start (no mocks of the thing under test)."""
