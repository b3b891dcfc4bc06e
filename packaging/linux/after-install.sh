#!/bin/bash
# electron-builder's deb after-install steps, plus the `dropline` command on PATH.
set -u
app=/opt/Dropline

if type update-alternatives >/dev/null 2>&1; then
  if [ -L /usr/bin/dropline-app ] && [ -e /usr/bin/dropline-app ] && [ "$(readlink /usr/bin/dropline-app)" != /etc/alternatives/dropline-app ]; then
    rm -f /usr/bin/dropline-app
  fi
  update-alternatives --install /usr/bin/dropline-app dropline-app "$app/dropline-app" 100 || ln -sf "$app/dropline-app" /usr/bin/dropline-app
else
  ln -sf "$app/dropline-app" /usr/bin/dropline-app
fi
# The command line: a launcher that starts the app binary in its CLI mode.
ln -sf "$app/resources/bin/dropline" /usr/bin/dropline

if ! { [[ -L /proc/self/ns/user ]] && unshare --user true; }; then
  chmod 4755 "$app/chrome-sandbox" || true
else
  chmod 0755 "$app/chrome-sandbox" || true
fi

if hash update-desktop-database 2>/dev/null; then
  update-desktop-database /usr/share/applications || true
fi
