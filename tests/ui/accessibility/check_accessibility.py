#!/usr/bin/python3
"""The app as a screen reader sees it: reads the AT-SPI tree (python3-pyatspi, the library Orca
uses) of the sign-in page and of the main window, against the reference backend.

Checks: every control is named in words (not an object name), nothing hidden is exposed, the
password field is named (or labelled right before it), messages read "sender at time: text", a
room's entry can be activated as Enter does, and a message arriving in the open conversation is
announced (a notification object that reads "sender: text").

Run inside `dbus-run-session` (ctest does): starts the AT-SPI bus, Xvfb, the backend and the app.
Usage: check_accessibility.py APP SOURCE_DIR
"""
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request

import pyatspi

APP, SOURCE = sys.argv[1], sys.argv[2]
NODE_MODULES = os.path.join(SOURCE, "server", "node_modules")
INTERACTIVE = {"push button", "toggle button", "check box", "radio button", "text", "password text",
               "entry", "combo box", "list item", "menu item", "page tab", "spin button", "list",
               "heading", "alert", "notification"}
# Roles Orca does not read as controls, or whose name is their value.
UNNAMED_OK = {"scroll bar", "panel", "filler", "unknown", "label", "frame", "application"}

errors = []
processes = []


def fail(message):
    errors.append(message)
    print("FAIL:", message, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(args, env=None, log=None):
    process = subprocess.Popen(args, env=env, stdout=log or subprocess.DEVNULL,
                               stderr=subprocess.STDOUT)
    processes.append(process)
    return process


def wait_for(predicate, timeout, what):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        result = predicate()
        if result:
            return result
        time.sleep(0.2)
    raise TimeoutError(what)


def walk(node, path=""):
    """Yields (node, path) for the node and everything under it."""
    try:
        role = node.getRoleName()
    except Exception:
        return
    here = f"{path}/{role}:'{node.name}'"
    yield node, here
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield from walk(child, here)


def studyconnect():
    desktop = pyatspi.Registry.getDesktop(0)
    for i in range(desktop.childCount):
        app = desktop.getChildAtIndex(i)
        if app is not None and app.name == "StudyConnect" and app.childCount > 0:
            return app
    return None


def find(app, role, name_pattern):
    # libatspi caches children; objects made since the last look must be seen.
    app.clear_cache()
    for node, _ in walk(app):
        if node.getRoleName() == role and re.search(name_pattern, node.name or ""):
            return node
    return None


def check_tree(node, page, path=""):
    """Every object exposed is shown, and every control is named in words."""
    in_words = re.compile(r"^[a-z]+([A-Z][a-z0-9]*)+$")  # camelCase: an object name
    try:
        role = node.getRoleName()
        state = node.getState()
    except Exception:
        return
    name = (node.name or "").strip()
    path = f"{path}/{role}:'{name}'"
    if not state.contains(pyatspi.STATE_VISIBLE):
        # Rows of a list outside its viewport are exposed as not visible, as in any toolkit: the
        # screen reader scrolls the list to them. Qt's own unnamed helpers are not read out.
        offscreen_row = role == "list item" and node.parent is not None \
            and node.parent.getRoleName() == "list"
        if not offscreen_row and role not in {"unknown", "scroll bar"}:
            fail(f"{page}: hidden object exposed: {path}")
        return
    if role not in UNNAMED_OK:
        if role in INTERACTIVE and not name and role != "password text":
            fail(f"{page}: control without a name: {path}")
        elif in_words.match(name) or name.endswith("Button"):
            fail(f"{page}: control named by its object name: {path}")
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            check_tree(child, page, path)


def run_app(work, server, token=None):
    env = dict(os.environ, QT_LINUX_ACCESSIBILITY_ALWAYS_ON="1", QT_QPA_PLATFORM="xcb",
               HOME=work, XDG_CONFIG_HOME=os.path.join(work, "config"),
               XDG_DATA_HOME=os.path.join(work, "data"), LANG="en_GB.UTF-8", LC_ALL="en_GB.UTF-8")
    env.pop("STUDYCONNECT_TOKEN", None)
    if token:
        env["STUDYCONNECT_TOKEN"] = token
    return start([APP, "--server", server], env=env,
                 log=open(os.path.join(work, "app.log"), "ab"))


def stop(process):
    process.terminate()
    try:
        process.wait(10)
    except subprocess.TimeoutExpired:
        process.kill()


def node_eval(script, *args):
    return subprocess.run(["node", "-e", script, *args], check=True, capture_output=True, text=True,
                          env=dict(os.environ, NODE_PATH=NODE_MODULES)).stdout.strip()


def main():
    work = tempfile.mkdtemp(prefix="studyconnect-a11y-")
    os.makedirs(os.path.join(work, "run"), mode=0o700)
    os.environ["XDG_RUNTIME_DIR"] = os.path.join(work, "run")
    start(["/usr/libexec/at-spi-bus-launcher", "--launch-immediately"])
    display = next(n for n in range(150, 400) if not os.path.exists(f"/tmp/.X11-unix/X{n}"))
    os.environ["DISPLAY"] = f":{display}"
    start(["Xvfb", f":{display}", "-screen", "0", "1280x800x24", "-nolisten", "tcp"])
    port = free_port()
    server = f"http://127.0.0.1:{port}"
    start(["node", os.path.join(SOURCE, "server", "src", "index.js")],
          env=dict(os.environ, SEED_DEMO="1", HOST="127.0.0.1", PORT=str(port), JWT_SECRET="a11y",
                   DB_PATH=os.path.join(work, "demo.db")),
          log=open(os.path.join(work, "backend.log"), "ab"))

    def backend_up():
        try:
            return urllib.request.urlopen(f"{server}/healthz", timeout=1).status == 200
        except OSError:
            return False
    wait_for(backend_up, 20, "the backend did not start")
    wait_for(lambda: os.path.exists(f"/tmp/.X11-unix/X{display}"), 10, "Xvfb did not start")

    # --- the sign-in page ---
    app_process = run_app(work, server)
    app = wait_for(lambda: (a := studyconnect()) and find(a, "password text", "") and a, 30,
                   "the sign-in page did not appear in the AT-SPI tree")
    time.sleep(1)
    # Qt 6.4 gives a password field no name over AT-SPI, whatever Accessible.name says; Orca
    # then reads the label shown right before it, which must therefore say what it is for.
    password = find(app, "password text", "")
    parent = password.parent
    index = password.getIndexInParent()
    before = parent.getChildAtIndex(index - 1) if index > 0 else None
    if password.name != "Password" and not (before is not None and before.getRoleName() == "label"
                                             and before.name == "Password"):
        fail(f"sign-in: the password field is named '{password.name}' with no 'Password' label before it")
    check_tree(app, "sign-in")
    stop(app_process)
    wait_for(lambda: studyconnect() is None, 10, "the app did not quit")

    # --- the main window, signed in as Ada ---
    token = node_eval("console.log(require('jsonwebtoken').sign({id: 1}, 'a11y', {expiresIn: 600}))")
    app_process = run_app(work, server, token)
    app = wait_for(lambda: (a := studyconnect()) and find(a, "list item", r"^Calculus I") and a, 30,
                   "the room list did not appear in the AT-SPI tree")
    room = find(app, "list item", r"^Calculus I")
    action = room.queryAction()
    names = [action.getName(i) for i in range(action.nActions)]
    if "Press" not in names:
        fail(f"main: a room's list item cannot be activated, its actions are {names}")
    else:
        action.doAction(names.index("Press"))
    messages = wait_for(lambda: find(app, "list", r"^Messages in Calculus I$"), 15,
                        "opening Calculus I from its list item did not show its messages")
    time.sleep(1.5)
    read = re.compile(r"^(replying to .+, )?(?P<sender>.+) at \d{1,2}[:.]\d{2}( ?[AP]M)?: (?P<text>.+)$", re.S)
    items = [messages.getChildAtIndex(i) for i in range(messages.childCount)]
    items = [i for i in items if i is not None and i.getRoleName() == "list item"]
    if len(items) < 5:
        fail(f"main: {len(items)} messages exposed in Calculus I")
    for item in items:
        if not read.match(item.name or ""):
            fail(f"main: a message reads '{item.name}'")
    check_tree(app, "main")


    # A message from Linus arrives in the open room: announced, focus untouched.
    text = f"Integration by parts tonight? {int(time.time())}"
    node_eval("""
const { io } = require('socket.io-client');
const token = require('jsonwebtoken').sign({ id: 4 }, 'a11y', { expiresIn: 600 });
const socket = io(process.argv[1], { auth: { token }, transports: ['websocket'] });
socket.on('connect', () => {
  socket.emit('room:join', 1);
  setTimeout(() => socket.emit('message:send', { roomId: 1, text: process.argv[2] }), 300);
  setTimeout(() => { socket.close(); process.exit(0); }, 1200);
});
socket.on('connect_error', (e) => { console.error(e.message); process.exit(1); });
""", server, text)
    announced = wait_for(lambda: find(app, "notification", re.escape(text)), 10,
                         "the new message was not announced")
    if announced.name != f"Linus Torvalds: {text}":
        fail(f"main: the announcement reads '{announced.name}'")
    stop(app_process)


try:
    main()
except TimeoutError as e:
    fail(str(e))
finally:
    for process in reversed(processes):
        if process.poll() is None:
            process.terminate()
            try:
                process.wait(5)
            except subprocess.TimeoutExpired:
                process.kill()

if errors:
    print(f"{len(errors)} accessibility problem(s)")
    sys.exit(1)
print("accessibility: the sign-in page and the main window read as they show")
