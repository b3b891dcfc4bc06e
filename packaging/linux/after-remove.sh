#!/bin/bash
# Undo after-install.sh: the app's and the command line's links.
if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --remove dropline-app /opt/Dropline/dropline-app || true
fi
rm -f /usr/bin/dropline-app
if [ -L /usr/bin/dropline ] && [ "$(readlink /usr/bin/dropline)" = /opt/Dropline/resources/bin/dropline ]; then
  rm -f /usr/bin/dropline
fi
