/* jcg_elf.h — loading gcc's relocatable objects into the process.
 *
 * libgccjit turns a context into a shared library by running the driver,
 * which runs the assembler, collect2 and ld, and then dlopens the result.
 * Trace code refers to the VM by absolute addresses only, so its object
 * file needs next to no linking: the loader lays the allocated sections
 * out in one mapping, applies the few relocations x86-64 objects carry and
 * looks the trace functions up in the symbol table.  That leaves out
 * collect2, ld and dlopen (about 6 ms per compile on the machine
 * bench/RESULTS.md describes).  An object it cannot place (another
 * machine, an undefined symbol, writable data, a relocation it does not
 * know) is refused with the reason, and the caller links the usual way.
 */
#ifndef JCG_ELF_H
#define JCG_ELF_H

#include <stdbool.h>
#include <stddef.h>

typedef struct jcg_image jcg_image;

/* Load the object file at PATH; NULL with the reason in ERR if it cannot. */
jcg_image *jcg_elf_load(const char *path, char *err, size_t errsize);
/* The address of the defined symbol NAME, or NULL. */
void *jcg_elf_symbol(const jcg_image *image, const char *name);
void jcg_elf_release(jcg_image *image);
/* Whether this build can place objects at all (an x86-64 host). */
bool jcg_elf_supported(void);

#endif
