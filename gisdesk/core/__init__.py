"""Qt-free domain model: layers, styles (and later incidents, tasks, KPIs)."""
