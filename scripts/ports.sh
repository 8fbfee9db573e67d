# Sourced by scripts/services.sh and bench/lib.sh: loopback ports for the servers they start.

port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# A free port below the kernel's ephemeral range (32768 and up): an outgoing connection never holds such a port
# between this check and the server's bind.
free_port() {
  local port
  for _ in $(seq 1 200); do
    port=$(( RANDOM % 12768 + 20000 ))
    port_in_use "$port" || { echo "$port"; return 0; }
  done
  echo "no free port found" >&2; return 1
}
