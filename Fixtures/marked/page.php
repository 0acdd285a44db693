<?php
$rows = mysqli_query($conn, "SELECT * FROM users WHERE id = $id"); // expect: security.sql-injection
$stmt = $pdo->prepare("SELECT * FROM users WHERE id = ?");
shell_exec("convert " . $file); // expect: security.command-injection
$state = unserialize($_COOKIE['state']); // expect: security.unsafe-deserialization
curl_setopt($ch, CURLOPT_SSL_VERIFYPEER, false); // expect: security.tls-verification-disabled
var_dump($order); // expect: quality.debug-output
$text = print_r($order, true);
# eval($code) in a comment
