#!/usr/bin/env bash
# Serves a built Parallax site with the shipped nginx config, in the foreground (Playwright's webServer
# starts it; also handy to check a build by hand). Everything nginx writes (config, pid, logs, temp
# files) goes to a fresh temporary directory, removed on exit.
#
#   nginx/serve.sh <distDir> <port> [base]      e.g. nginx/serve.sh dist 4173 /parallax/
#
# base must be the PARALLAX_BASE the site was built with (default "/"). When it is a sub-path, the
# test server also redirects addresses outside the base into it, so specs written for the root run
# unchanged (e2e/hosting.spec.ts checks that the app itself never leaves its base).
# PARALLAX_NGINX overrides the nginx binary (default: nginx on PATH, else /usr/sbin/nginx).
set -euo pipefail

if [ $# -lt 2 ]; then
  echo "usage: $0 <distDir> <port> [base]" >&2
  exit 2
fi
here=$(cd "$(dirname "$0")" && pwd)
dist=$(cd "$1" && pwd)
port=$2
base=${3:-/}
base="/$(printf '%s' "$base" | sed -E 's#^/+##; s#/+$##')/"
[ "$base" = "//" ] && base=/
case "$port" in '' | *[!0-9]*) echo "serve.sh: port must be a number (got '$port')" >&2; exit 2 ;; esac
case "$base" in *[!A-Za-z0-9/._~-]*) echo "serve.sh: unsupported characters in base '$base'" >&2; exit 2 ;; esac

nginx_bin=${PARALLAX_NGINX:-$(command -v nginx || true)}
[ -n "$nginx_bin" ] || nginx_bin=/usr/sbin/nginx
if [ ! -x "$nginx_bin" ]; then
  echo "serve.sh: nginx not found; install Debian's nginx (apt-get install nginx) or set PARALLAX_NGINX" >&2
  exit 1
fi
if [ ! -f "$dist/index.html" ]; then
  echo "serve.sh: $dist/index.html is missing; build the site first (npm run build)" >&2
  exit 1
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/parallax-nginx.XXXXXX")
# nginx's workers drop root privileges; they must be able to read the config tree and the site.
chmod 755 "$tmp"
mkdir -p "$tmp/snippets" "$tmp/temp"
pid=""
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
    kill -QUIT "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
  fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 0' INT TERM

if [ "$base" = / ]; then
  root=$dist
else
  # nginx's `alias` and try_files do not mix well; a symlink tree gives the sub-path a plain `root`.
  root=$tmp/www
  mkdir -p "$root$(dirname "${base%/}")"
  ln -s "$dist" "$root${base%/}"
  cat >"$tmp/snippets/parallax-local-outside-base.conf" <<CONF
    # Test server only: addresses outside the base land inside it.
    location = ${base%/} {
        include $tmp/snippets/security-headers.conf;
        return 301 $base;
    }
    location / {
        include $tmp/snippets/security-headers.conf;
        return 302 ${base%/}\$request_uri;
    }
CONF
fi
cp "$here/security-headers.conf" "$tmp/snippets/security-headers.conf"

escape() { printf '%s' "$1" | sed -e 's/[\\|&]/\\&/g'; }
sed -e "s|__LISTEN__|127.0.0.1:$port|g" \
  -e "s|__ROOT__|$(escape "$root")|g" \
  -e "s|__BASE__|$base|g" \
  -e "s|__SNIPPETS__|$(escape "$tmp/snippets")|g" \
  "$here/parallax.conf.template" >"$tmp/server.conf"

mime=/etc/nginx/mime.types
[ -f "$mime" ] || mime=$(dirname "$nginx_bin")/../conf/mime.types
user_line=""
if [ "$(id -u)" -eq 0 ]; then
  user_line="user nobody $(id -gn nobody 2>/dev/null || echo nogroup);"
fi

cat >"$tmp/nginx.conf" <<CONF
$user_line
worker_processes 1;
pid $tmp/nginx.pid;
error_log stderr warn;
events { worker_connections 512; }
http {
    include $mime;
    types { application/javascript mjs; application/manifest+json webmanifest; }
    default_type application/octet-stream;
    access_log off;
    sendfile on;
    client_body_temp_path $tmp/temp/body;
    proxy_temp_path $tmp/temp/proxy;
    fastcgi_temp_path $tmp/temp/fastcgi;
    uwsgi_temp_path $tmp/temp/uwsgi;
    scgi_temp_path $tmp/temp/scgi;
    include $tmp/server.conf;
}
CONF

"$nginx_bin" -t -q -p "$tmp" -c "$tmp/nginx.conf"
echo "serve.sh: http://127.0.0.1:$port$base -> $dist"
"$nginx_bin" -p "$tmp" -c "$tmp/nginx.conf" -g 'daemon off;' &
pid=$!
wait "$pid"
