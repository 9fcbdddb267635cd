#!/bin/sh
# Makes sure the notebook tests (e2e/notebook-python.spec.ts) have Debian's Python with what the
# exported notebooks and their checks need: python3-torch, python3-torchvision, python3-nbformat,
# python3-nbconvert, python3-ipykernel (and NumPy and Matplotlib, which the notebooks use).
# Always Debian's /usr/bin/python3 (or the one named by NB_PYTHON): another python3 earlier on
# PATH (pyenv, conda, a venv) may lack them.
set -e
py="${NB_PYTHON:-/usr/bin/python3}"
need=""
[ -x "$py" ] || need="python3"
has() { [ -x "$py" ] && "$py" -c "import $1" >/dev/null 2>&1; }
has torch || need="$need python3-torch"
has torchvision || need="$need python3-torchvision"
has nbformat || need="$need python3-nbformat"
has nbconvert || need="$need python3-nbconvert"
has ipykernel || need="$need python3-ipykernel"
has numpy || need="$need python3-numpy"
has matplotlib || need="$need python3-matplotlib"
[ -z "$need" ] && exit 0

echo "ensure-python: installing Debian packages:$need"
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo"
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ensure-python: no apt-get here. Install Python 3 with PyTorch, torchvision, nbformat, nbconvert," >&2
  echo "ipykernel, NumPy and Matplotlib (Debian packages:$need), or set NB_PYTHON to a Python that has them." >&2
  exit 1
fi
if ! { $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $need; }; then
  echo "ensure-python: could not install$need. Install the Debian packages$need by hand" >&2
  echo "(apt-get install$need) or set NB_PYTHON to a Python that has them, then run npm test again." >&2
  exit 1
fi
