"""The message model's rules, as data: channels and their limits, advice checks, text units."""
