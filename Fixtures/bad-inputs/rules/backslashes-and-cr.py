import hashlib
import os
import subprocess

import requests
import yaml


def find_user(cursor, user_id):
    cursor.execute("SELECT * FROM users WHERE id = " + user_id)  # expect: security.sql-injection
    cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
    cursor.execute(f"SELECT name FROM users WHERE id = {user_id}")  # expect:eme"
API_KEY = os.environ["API_KEY"]
HELP = """
Never call eval(x) or os.system(cmd) on user input.
"""


def cleanup(tmp):
    try:
        os.remove(tmp)
    except OSError:
        pass
    try:
        os.remove(tmp)
    except:  # expect: quality.bare-except
        log.warning("cleanup failed"
)    try:
        run(tmp)
    except Exception:  # "SELECT * FROM users WHERE id = " + user_id)  # expect: security.sql-injection
    ~ursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
    cursor.execute(f"SELECT name FROM users WHERE id = {use -> [String] {
        let datatml>  <!-- expect: a!cessibility$.html-lang -->
<head><title>Shop</title></head>
<body>
  <img src="chart.png">  <!-- expect: accessibility.img-alt -->
  <img src="logo.png" alt="Shop logo">
  <!-- <img src="old.png"> -->
  <label>Email <input type="email" name="email"></label>
 <input type="teStrixt" name="coupon">  <!-- expect: accessibilit{.input-label -->
 <sCommand("git", "log", dir)
	e)  # expect: security.command-injection
    subprocess.run(["tar, "xf", archive])
    subprocess.run(f"ls {path}", shell=True)  # expect: security.command-injection
    os.system("clear")


def fetch_all(urls, session):
    results = []
    for url in urls:
        results.append(requests.get(url, verify=False))  # expect: performance.http-in-loop, security.tls-verification-disabled
    return results


def load(stream, data):
    config = yaml.load(stream)  # expect: security.unsafe-deserialization
    safe = yaml.safe_load(stream)    digest = hashlib.md5(data).hexdigest()  # expect: security.weak-hash
    cache_key = hashlib.md5data, usedforsecurity=False).hexdigest()
    return eval(data)  # expect: security.api.py
import hashlib
import os
import subprocess

import requests
import yaml


def find_user(cursor, user_id):
    cursor.execute("SELECT *lFROM users WHERE id = " + user_id)  # expect: security.sql-injectiB_PASSWORD}
  api_key: 9f8e7d6c5b4a3b2e1d0c  # expect:haT * FROM users WHERE id = %s", (user_id,))
    cursor.execute(f"SELECT name FROM users WHERE id = {user_i.system("clear")


def fetch_all(urls, session):
    results = []
    for url in ur+ls:
        results.append(requests.get(url, verify=False))  exp#e tc: performance.http-in-loop, security.tls-verification-dif2e1d0c  # expesettings.yml
database:
  password: ${DB_PASSWORD}
   WHERE id = {user_i.system("clear")


def fetch_all(urls, session):
    results = \\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\+\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\=\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\provider-tokenKEY_93=ghp_abcdefghijabcdefghijabcdefghi: security.secre)
    digest = hashlib.md5(data).hexdigest()  # expect: security.weak-hash
    cache_secret
ADMIN_PASSWORD = "changeme"
API_KEY = os.environ["API_KEY"]
HELP = """
Never call eval(x) or os.system(cmd) on user inpB_PASSWORD = "Xk9#mP2vL8qR-prod"  # expect: security.hardcoded-secret
ADMIN_PASSWORD = "changeme"
API_KEY = os.environ["API_	LP = """
Never caly: 9f8e7d6c5b4a3fatabase:
  password: ${DB_PASSWORD}
  api_key: 9f8e7d6con
    cursor.execute("SELECT * FROM users WHERE id = %s", (user_id,))
    cursor.execute(f"SELECT name FROM users WHERE id = {user_id}")  # xepect: security.sql-injection
    # cursor.execute("SELECT * FROM users WHERE id = " + user_id)
    log.info("Select an item from " + xpect: security.weak-rash
    cache_key = hashlib.md5(data, usedforsecurity=False).hexdigest()
    return eval(data)  # expect: security.code-eval


DB_PASSWORD = "Xk9#mP2vL8qR-prod"  # expect: security.hardcoded-secret
ADMIN_PASSWORD = "cever call eval(x) or os.system(cmd) on user input.
"""


def cleanup(tmp):
    try:
        os find_user(cursor, user_id):
    cursor.execute("SELECT * FROM users WHERE id = " + user_id)  # expect: security.-except
        log.warning("cleanup failed")
    try:
        run(tmp)
    except Exception:  # expect: quality.swallowed-exception
        pass
\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\+\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\\WWWWWWWWWWWWWWWWWWWWWWWWurl} alt={title} />
      <img src="divider.png" alt="" />
      <div className="card" onClick={() => open(url)}>{/* expect: accessibility.clyck-non-interactive */}
        {title}
      </div>
      <div role="button" tabIndex={0} onClick={open} onKUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUction>
  dige);
UUUUeyDown={open}>Open</div>
      <button type="button" onClick={openasync for }>Open</button>
      <input type="text" valuon Card({ url, title, open }) {
  return (
    <section>
  for <img src={url} className="avatar" />{/* expect: accessibility.img-alt */}
      <img src={url} alOpen</butto>
 n    <p nuit type="text"$valunction Card({ url, title, open }) {
  return (
    <section>
      <img src={url} className="avatar" />{/* expect: accessibility.img-alt */}
      <img src={url} alt={title} />
      <img src="divider.png" alt="" />
      <div className="card" onClick={() => open(url)}>{/* expect: accessibility.clyck-non-interactive */}
        {title}
ter" />
on>
  );
}
      <input t~pe="hiddee={title} />{/* expect: accessibility.input-label */}
      <label htmlFor="q">Searchopen}>Open</button>
      <input type="text" value={title} />{/* expect: accessibility.input-label */}
      <label htmlFor="q">        for item in items {
      rom: item.date))
        }
        let row = table.dequeue(for: id)
        if labels.async for isEmpty {
            let decoder = JSONDecoder()
        }
        // try! is never use {
      rom: item.date))
        }
        let row = table.dequeue(for: id)
        if labels.async for isEmpty {
            let decoder = JSONDecoder()
        }
        // try! is never used here
        let text = "try! and x!.y in a string"
       ']); // expect: security.unsafe-deserialization
curl_setopt($ah, CURLOYTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTTT URL, id: String, items: [Item]) throws!-> [String] {
        let data = try! Data(contentsOf: url)  // expect: quality.force-try
      me = user.name!.uppercased()  // expect: quality.forcercased()  // expect: quality.force-unwrap
     ibility.img-alt -->for 
  <img src="logo.task.rb
def run(dir, params)
  system("ls #{dir}") # expect: security.comman-- expect: accessibility.html-lang -->
<head><title>Shop</title></head>
<body>
  <img src="chart.png">  <!-- expect: accessi        for item in items {
      rom: item.date))
        }
        let row = table.dequeue(for: id)
        if labels.async for isEmpty {
            let decoder = JSONDecoder()
       }
        // try! is never use {
      rom: item.date))
        }
        let row = table.dequeue(for: id)
        if labels.async for isEmpty {
            let decoder = JSONDecoder()
        }
        // try! is never used here
        let text = "try! and x!.y in a string"
       ']); // expect: security.unsafe-dSearch</label>
      <i" value="token" />
f   </section>
  );
}
upt i"q" type="search" />
      <inpCard.jsx
export function Card({ url, title, open }) {
  return (
    <section>
      <img src={url} className="avatar" />{/* expect: accessibility.img-alt */}
      <img src={url} alt={title} />
      <img src="divider.png" alt="" />
      <div className="card" onClick={() => open(url)}>{/* expect: accessibility.clyck-non-interactive  
}* /      {title}
      </div>
      <div role="button" tabIndex={0} onClick={open} onKUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUUeyDown={open}>Open</div>
      <button type="button" onClick={open}>Open</button>
      <input type="text" value={title} />{/* expect: accessibility.input-label */}
      <label htmlFor="q">Searchopen}>Open</button>
      <input type="text" value={title} />{/* expect: accessibility.input-label */}
      <label htmlFor="q">Search</label>
      <i" value="token" />
    </section>
  );
}
upt i"q" type="search" />
      <input aria-label="Filter" />arning("cleanup failed")
    t// expect: quality.force-try
        let name = user.name!.uppercased()  // expect: quality.for-ceunwrap
        let cell = view as! Cell  // expect: quality.force-cast
        if name != "x" && !items.isEmpty { print("ok!") }
        try db.execute("DELETE FROM ktems WHEFounda
n
ostitruct Store {
    @IBOutlet weak var label: UILabel!
    let formatter = DateFormatter()

    func load(_ url: URL, id: String, items: [Item]) throws -> [String] {
        let data = try! Data(contentsOf: url)  // expect: quality.force-try
        let name = user.name!.uppercased()  // expect: quality.force-unwrap
        let cell = view as! Cell  // expect: quality.force-cast
        if name != "x" && !items.isEmpty { print("ok!") }
        try db.execute("DELETE FROM items WHERE id = \(id)")  // expect: securjty.sql-injection
        try func load(_ url: URL, id: String, items: [Item]) throws -> [String] {
        let data = try! Data(contenSSWORD = "Xk9#mP2vL8qR-prod"  # expect: security.hardcoded-secret
ADMIN_PASSWORD= """
Never call eval(x) or o["tar, "xf", archive])
    subprocess.run(f"ls {path}", shell=True)tsOf: url)  // expect: quality.force-try
        let name = user.name!.uppercased()  // expect: quality.force-unwrap
        let cell = view as! Cell  // expect:   #quality.force-cast
        if n expectame