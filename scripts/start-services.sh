#!/usr/bin/env bash
# Starts this machine's Redis and PostgreSQL for the store tests, each only if it is not already
# answering on 127.0.0.1. Never fails: a server that cannot start is one line here, and the tests
# that need it skip.
set -u

# Bash's own /dev/tcp, for a machine without redis-cli or pg_isready.
port_open() {
	timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$1" 2>/dev/null
}

redis_answers() {
	if command -v redis-cli >/dev/null 2>&1; then
		[ "$(timeout 2 redis-cli -h 127.0.0.1 -p 6379 ping 2>/dev/null)" = "PONG" ]
	else
		port_open 6379
	fi
}

postgres_answers() {
	if command -v pg_isready >/dev/null 2>&1; then
		pg_isready -q -h 127.0.0.1 -p 5432 -t 2
	else
		port_open 5432
	fi
}

# Up to 10 s for a server that was just started to take connections.
wait_for() {
	for _ in $(seq 1 50); do
		"$1" && return 0
		sleep 0.2
	done
	return 1
}

if ! postgres_answers; then
	# In a subshell so that the output of `ls` too stays out of the way when it fails.
	if (pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start) >/dev/null 2>&1 &&
		wait_for postgres_answers; then
		echo "start-services: started PostgreSQL"
	else
		echo "start-services: PostgreSQL could not be started; its tests will be skipped"
	fi
fi

if ! redis_answers; then
	if redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no --dir /var/lib/redis --logfile /var/log/redis/ci.log >/dev/null 2>&1 &&
		wait_for redis_answers; then
		echo "start-services: started Redis"
	else
		echo "start-services: Redis could not be started; its tests will be skipped"
	fi
fi

exit 0
