//go:build tools

// Package tools pins etcd's server module: its own go.mod has replace directives, so
// `go install go.etcd.io/etcd/server/v3@version` is refused; this module requires it instead.
package tools

import _ "go.etcd.io/etcd/server/v3"
