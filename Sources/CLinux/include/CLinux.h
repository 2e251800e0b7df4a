// Linux calls Swift's Glibc module does not export: extended attributes (the POSIX ACLs that keep
// a service store's journals private) and prctl, which is variadic in C.
#include <sys/types.h>
#include <sys/xattr.h>

/// Makes this process undumpable: no other process of the same user may read its memory (ptrace,
/// /proc/PID/mem) or a core of it. Returns 0, or -1 with errno.
int qanat_forbid_dumps(void);
