#!/usr/bin/env bash
# A throwaway single-node Slurm cluster on 127.0.0.1 for the scale-out tests.
#
#   scripts/ci/slurm.sh start DIR   installs Debian's slurm-wlm and munge when missing, creates a munge key, a
#                                   slurm.conf and the state, spool and log folders in DIR (an empty or missing
#                                   folder), starts munged, slurmctld and slurmd in the background (their PIDs in
#                                   DIR/*.pid) and waits until the node `localhost` is idle; then prints DIR/env, a
#                                   file to source (SLURM_CONF and the munge socket) before calling sbatch, squeue…
#   scripts/ci/slurm.sh stop DIR    stops every daemon by the PID in DIR/*.pid and removes DIR
#   scripts/ci/slurm.sh logs DIR    prints the daemons' logs
#
# Needs root (as in CI): slurmd runs jobs as their submitter, and munged refuses a key or socket it does not trust.
# No systemd, no cgroups, no accounting: ProctrackType proctrack/linuxproc, TaskPlugin task/none. The ports are the
# first free pair from 16817 up, so a second cluster (or a system one on 6817) does not collide.
set -euo pipefail

command=${1:-}
dir=${2:-}
if [[ -z "$command" || -z "$dir" ]]; then
    echo "usage: $0 start|stop|logs DIR" >&2
    exit 2
fi

say() { echo "slurm.sh: $*" >&2; }

install_slurm() {
    local missing=()
    local package
    for package in slurm-wlm munge; do
        dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
    done
    if [[ ${#missing[@]} -eq 0 ]]; then return; fi
    say "installing Debian's ${missing[*]}"
    export DEBIAN_FRONTEND=noninteractive
    if ! apt-get install -y --no-install-recommends "${missing[@]}" >&2; then
        apt-get update >&2
        apt-get install -y --no-install-recommends "${missing[@]}" >&2
    fi
}

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

free_ports() {
    local port
    for port in $(seq 16817 2 16915); do
        if port_is_free "$port" && port_is_free $((port + 1)); then
            echo "$port"
            return
        fi
    done
    say "no two free ports in 16817-16916"
    exit 1
}

logs() {
    local log
    for log in "$dir"/log/*.log; do
        [[ -f "$log" ]] || continue
        echo "----- $log" >&2
        tail -n 60 "$log" >&2
    done
}

# Fails with the logs when `$1` (a PID file's process) is not running.
alive() {
    local name=$1
    if ! kill -0 "$(cat "$dir/$name.pid")" 2>/dev/null; then
        say "$name exited at once; the logs:"
        logs
        exit 1
    fi
}

write_munge() {
    mkdir -p "$dir/munge"
    dd if=/dev/urandom bs=1 count=1024 of="$dir/munge/munge.key" status=none
    chown -R munge: "$dir/munge"
    chmod 711 "$dir/munge" # the socket is in it: clients (every user) need to pass through
    chmod 400 "$dir/munge/munge.key"
}

start_munge() {
    # munged checks that the key's folders up to / are not writable by others; DIR's parent is often /tmp (sticky,
    # world-writable), which --force lets through.
    runuser -u munge -- /usr/sbin/munged --force --key-file="$dir/munge/munge.key" \
        --socket="$dir/munge/munge.socket" --pid-file="$dir/munge/munged.pid" \
        --log-file="$dir/log/munged.log" --seed-file="$dir/munge/munged.seed" >&2
    local tries=0
    until [[ -s "$dir/munge/munged.pid" ]]; do
        tries=$((tries + 1))
        if [[ $tries -gt 50 ]]; then
            say "munged did not start; the logs:"
            logs
            exit 1
        fi
        sleep 0.1
    done
    cp "$dir/munge/munged.pid" "$dir/munged.pid"
}

write_conf() {
    local port=$1 cpus memory
    cpus=$(nproc)
    memory=$(($(awk '/MemTotal/ {print $2}' /proc/meminfo) / 1024 / 2))
    [[ $memory -gt 4096 ]] && memory=4096
    cat >"$dir/slurm.conf" <<CONF
# A single-node Slurm cluster for Accord's CI (scripts/ci/slurm.sh).
ClusterName=accord-ci
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CryptoType=crypto/munge
AuthInfo=socket=$dir/munge/munge.socket
MpiDefault=none
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
SchedulerType=sched/backfill
SelectType=select/cons_tres
SelectTypeParameters=CR_Core
ReturnToService=2
StateSaveLocation=$dir/state
SlurmdSpoolDir=$dir/spool
SlurmctldPidFile=$dir/slurmctld.pid
SlurmdPidFile=$dir/slurmd.pid
SlurmctldLogFile=$dir/log/slurmctld.log
SlurmdLogFile=$dir/log/slurmd.log
SlurmctldDebug=info
SlurmdDebug=info
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=300
MaxArraySize=1001
NodeName=localhost NodeAddr=127.0.0.1 CPUs=$cpus RealMemory=$memory State=UNKNOWN
PartitionName=debug Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
    cat >"$dir/env" <<ENV
export SLURM_CONF=$dir/slurm.conf
ENV
}

wait_idle() {
    local tries=0 state=""
    # shellcheck source=/dev/null
    source "$dir/env"
    while true; do
        alive slurmctld
        alive slurmd
        state=$(sinfo --noheader --nodes=localhost --format=%T 2>/dev/null || true)
        if [[ "$state" == "idle" ]]; then return; fi
        tries=$((tries + 1))
        if [[ $tries -gt 150 ]]; then
            say "the node is '$state', not idle, after 30 s; the logs:"
            logs
            exit 1
        fi
        sleep 0.2
    done
}

start() {
    if [[ -f "$dir/slurmctld.pid" ]] && kill -0 "$(cat "$dir/slurmctld.pid")" 2>/dev/null; then
        say "already running (slurmctld PID $(cat "$dir/slurmctld.pid"))"
        echo "$dir/env"
        return
    fi
    if [[ $(id -u) -ne 0 ]]; then
        say "run as root: slurmd starts jobs as their submitter and munged needs its own user"
        exit 1
    fi
    install_slurm
    mkdir -p "$dir"
    touch "$dir/.accord-slurm"
    dir=$(cd "$dir" && pwd)
    mkdir -p "$dir/state" "$dir/spool" "$dir/log"
    chown munge: "$dir/log"
    chmod 755 "$dir" "$dir/log"
    if ! runuser -u munge -- test -x "$dir"; then
        say "the munge user cannot reach $dir; make its parent folders searchable (chmod o+x) or choose another"
        exit 1
    fi
    local port
    port=$(free_ports)
    write_munge
    start_munge
    write_conf "$port"
    say "starting slurmctld on 127.0.0.1:$port and slurmd on :$((port + 1))"
    SLURM_CONF="$dir/slurm.conf" setsid /usr/sbin/slurmctld -D -i -f "$dir/slurm.conf" \
        </dev/null >>"$dir/log/slurmctld.out" 2>&1 &
    echo $! >"$dir/slurmctld.pid"
    SLURM_CONF="$dir/slurm.conf" setsid /usr/sbin/slurmd -D -N localhost -f "$dir/slurm.conf" \
        </dev/null >>"$dir/log/slurmd.out" 2>&1 &
    echo $! >"$dir/slurmd.pid"
    wait_idle
    say "ready: node localhost idle (slurmctld PID $(cat "$dir/slurmctld.pid"), slurmd PID $(cat "$dir/slurmd.pid"))"
    echo "$dir/env"
}

stop_pid() {
    local name=$1 pid tries=0
    [[ -f "$dir/$name.pid" ]] || return 0
    pid=$(cat "$dir/$name.pid")
    if kill -TERM "$pid" 2>/dev/null; then
        while kill -0 "$pid" 2>/dev/null; do
            tries=$((tries + 1))
            if [[ $tries -eq 50 ]]; then kill -KILL "$pid" 2>/dev/null || true; fi
            if [[ $tries -gt 80 ]]; then
                say "$name (PID $pid) did not stop"
                return 1
            fi
            sleep 0.1
        done
        say "stopped $name (PID $pid)"
    fi
}

stop() {
    local failed=0
    stop_pid slurmd || failed=1
    stop_pid slurmctld || failed=1
    stop_pid munged || failed=1
    if [[ -f "$dir/.accord-slurm" ]]; then
        rm -rf "$dir"
    elif [[ -e "$dir" ]]; then
        say "$dir was not made by this script; left in place"
    fi
    return $failed
}

case "$command" in
start) start ;;
stop) stop ;;
logs) logs ;;
*)
    echo "usage: $0 start|stop|logs DIR" >&2
    exit 2
    ;;
esac
