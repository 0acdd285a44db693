const { exec } = require('child_process');

async function load(db, req, ids) {
  const user = await db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);  // expect: security.sql-injection
  const same = await db.query('SELECT * FROM users WHERE id = ?', [req.params.id]);
  for (const id of ids) {
    await db.query('SELECT * FROM orders WHERE user_id = ?', [id]);  // expect: performance.query-in-loop
    const rx = new RegExp('^order-\\d+$');  // expect: performance.expensive-construction-in-loop
    const dynamic = new RegExp('^' + id + '$');
  }
  const all = await Promise.all(ids.map((id) => fetch(`/api/items/${id}`)));
  exec('git log ' + req.query.branch);  // expect: security.command-injection
  const match = /x+/.exec(req.query.q);
  const result = eval(req.body.expr);  // expect: security.code-eval
  console.log('loaded', user);  // expect: quality.debug-output
  const text = "console.log(x) is how you debug";
  try {
    save(user);
  } catch (e) {}  // expect: quality.empty-catch
  try {
    save(user);
  } catch (e) {
    // the cache is optional
  }
  https.request({ host: 'example.com', rejectUnauthorized: false });  // expect: security.tls-verification-disabled
  debugger;  // expect: quality.debugger-statement
  return same;
}
