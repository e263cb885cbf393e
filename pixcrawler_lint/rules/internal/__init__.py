"""Family 9: findings the engine itself produces (a crashed rule, an invalid configuration)."""
