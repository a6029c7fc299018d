"""Pure parsing of 政府信息公开工作年度报告 texts into catalog observations (no Dagster here)."""
