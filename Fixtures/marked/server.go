package main

import (
	"crypto/md5"
	"crypto/tls"
	"fmt"
	"os/exec"
)

func handle(db *sql.DB, id string, dir string) {
	db.Query(fmt.Sprintf("SELECT * FROM t WHERE id = %s", id)) // expect: security.sql-injection
	db.Query("SELECT * FROM t WHERE id = $1", id)
	exec.Command("sh", "-c", "ls "+dir) // expect: security.command-injection
	exec.Command("git", "log", dir)
	sum := md5.Sum([]byte(id)) // expect: security.weak-hash
	cfg := &tls.Config{InsecureSkipVerify: true} // expect: security.tls-verification-disabled
	if err := save(); err != nil {} // expect: quality.empty-catch
	_ = sum
	_ = cfg
}
