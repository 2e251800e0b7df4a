// Extended attributes (POSIX ACLs among them), which Swift's Glibc module does not export.
#include <sys/types.h>
#include <sys/xattr.h>
