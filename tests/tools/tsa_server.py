#!/usr/bin/env python3
"""tsa_server.py DIR: a time-stamp authority for tests, answering RFC 3161 requests over
HTTP on 127.0.0.1 with openssl, with the authority's certificate DIR/tsa.pem, its key
DIR/tsa.key, the CA DIR/ca.pem and the configuration DIR/tsa.cnf. Prints its port, then
serves until killed."""

import http.server
import os
import subprocess
import sys

FOLDER = sys.argv[1]


class Authority(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        query = self.rfile.read(int(self.headers["Content-Length"]))
        path = lambda name: os.path.join(FOLDER, name)
        reply = subprocess.run(
            ["openssl", "ts", "-reply", "-queryfile", "/dev/stdin", "-signer", path("tsa.pem"),
             "-inkey", path("tsa.key"), "-chain", path("ca.pem"), "-config", path("tsa.cnf"),
             "-out", "/dev/stdout"],
            input=query, capture_output=True, cwd=FOLDER,
        ).stdout
        self.send_response(200)
        self.send_header("Content-Type", "application/timestamp-reply")
        self.send_header("Content-Length", str(len(reply)))
        self.end_headers()
        self.wfile.write(reply)

    def log_message(self, *args):
        pass


server = http.server.HTTPServer(("127.0.0.1", 0), Authority)
print(server.server_address[1], flush=True)
server.serve_forever()
