#!/usr/bin/env bash
# Print the path of a Python 3.10 interpreter, or explain how to get one and fail.
# Rasa 3.6 supports Python 3.8-3.10 only.
set -u
if [ -n "${PYTHON310:-}" ] && [ -x "${PYTHON310}" ]; then echo "$PYTHON310"; exit 0; fi
if command -v python3.10 >/dev/null 2>&1; then
  p="$(command -v python3.10)"
  # pyenv shims exist even when 3.10 is not installed: make sure it really runs.
  if "$p" -c 'import sys; assert sys.version_info[:2] == (3, 10)' >/dev/null 2>&1; then echo "$p"; exit 0; fi
fi
if command -v pyenv >/dev/null 2>&1; then
  for p in $(ls -d "$(pyenv root)"/versions/3.10.*/bin/python 2>/dev/null | sort -V -r); do
    if [ -x "$p" ]; then echo "$p"; exit 0; fi
  done
fi
for p in /usr/bin/python3.10 /usr/local/bin/python3.10; do
  if [ -x "$p" ]; then echo "$p"; exit 0; fi
done
cat >&2 <<'MSG'
Reframe needs Python 3.10 (Rasa 3.6 supports 3.8-3.10 only) and none was found.
Install it, then run make again:
  * with pyenv:   pyenv install 3.10.13
  * on Debian:    apt-get install python3.10 python3.10-venv (where available)
  * or point to one:  make run PYTHON310=/path/to/python3.10
MSG
exit 1
