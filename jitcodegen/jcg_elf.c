/* jcg_elf.c — placing a relocatable x86-64 object in memory (see
 * jcg_elf.h).  Everything allocated except .eh_frame goes into one
 * mapping (nothing unwinds through trace code), relocations against
 * placed sections are applied, and the mapping becomes read-only and
 * executable.  Anything else is refused, never guessed at.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "jcg_elf.h"

#if defined(__x86_64__) && defined(__linux__)

#include <elf.h>
#include <sys/mman.h>

typedef struct {
    char *name;
    void *address;
} jcg_symbol;

struct jcg_image {
    uint8_t *base;
    size_t size;
    jcg_symbol *symbols;
    uint32_t nsymbols;
};

bool jcg_elf_supported(void) { return true; }

/* The loader's working state: the file, its section table and where each
 * section went (NULL: not placed). */
typedef struct {
    const uint8_t *file;
    size_t size;
    const Elf64_Shdr *shdrs;
    uint32_t nsections;
    uint8_t **placed;
    char *err;
    size_t errsize;
} loader;

static bool refuse(loader *l, const char *fmt, const char *what)
{
    snprintf(l->err, l->errsize, fmt, what);
    return false;
}

static char *read_file(const char *path, size_t *size)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *data = NULL;
    long len;
    if (fseek(f, 0, SEEK_END) == 0 && (len = ftell(f)) > 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (data = malloc((size_t)len)) && fread(data, 1, (size_t)len, f) != (size_t)len) {
        free(data);
        data = NULL;
    }
    fclose(f);
    *size = data ? (size_t)len : 0;
    return data;
}

/* A section's bytes, checked to lie inside the file. */
static const uint8_t *contents(loader *l, const Elf64_Shdr *s)
{
    if (s->sh_type == SHT_NOBITS || s->sh_offset > l->size || s->sh_size > l->size - s->sh_offset)
        return NULL;
    return l->file + s->sh_offset;
}

static const char *string_at(loader *l, uint32_t strtab, uint64_t offset)
{
    if (strtab >= l->nsections)
        return NULL;
    const Elf64_Shdr *s = &l->shdrs[strtab];
    const uint8_t *strings = contents(l, s);
    if (!strings || offset >= s->sh_size || !memchr(strings + offset, 0, s->sh_size - offset))
        return NULL;
    return (const char *)strings + offset;
}

static bool check_header(loader *l)
{
    const Elf64_Ehdr *h = (const Elf64_Ehdr *)l->file;
    if (l->size < sizeof *h || memcmp(h->e_ident, ELFMAG, SELFMAG) != 0)
        return refuse(l, "%s", "not an ELF file");
    if (h->e_ident[EI_CLASS] != ELFCLASS64 || h->e_ident[EI_DATA] != ELFDATA2LSB ||
        h->e_type != ET_REL || h->e_machine != EM_X86_64)
        return refuse(l, "%s", "not a relocatable x86-64 object");
    if (h->e_shentsize != sizeof(Elf64_Shdr) || h->e_shoff > l->size ||
        h->e_shnum > (l->size - h->e_shoff) / sizeof(Elf64_Shdr))
        return refuse(l, "%s", "a section table outside the file");
    l->shdrs = (const Elf64_Shdr *)(l->file + h->e_shoff);
    l->nsections = h->e_shnum;
    return true;
}

/* Does section I get placed?  Allocated and not empty, and not the unwind
 * tables. */
static bool wanted(loader *l, uint32_t i)
{
    const Elf64_Shdr *s = &l->shdrs[i];
    if (!(s->sh_flags & SHF_ALLOC) || s->sh_size == 0)
        return false;
    const Elf64_Ehdr *h = (const Elf64_Ehdr *)l->file;
    const char *name = string_at(l, h->e_shstrndx, s->sh_name);
    return !(name && strcmp(name, ".eh_frame") == 0);
}

/* Give each placed section its offset in the mapping; END is its size. */
static bool lay_out(loader *l, size_t *offsets, size_t *end_out)
{
    size_t end = 0;
    for (uint32_t i = 1; i < l->nsections; i++) {
        const Elf64_Shdr *s = &l->shdrs[i];
        if (!wanted(l, i))
            continue;
        if (s->sh_flags & SHF_WRITE)
            return refuse(l, "%s", "writable data");
        if (s->sh_type != SHT_NOBITS && !contents(l, s))
            return refuse(l, "%s", "a section outside the file");
        uint64_t align = s->sh_addralign > 1 ? s->sh_addralign : 1;
        if (align > 4096 || (align & (align - 1)))
            return refuse(l, "%s", "a section alignment it cannot keep");
        end = (end + align - 1) & ~(size_t)(align - 1);
        offsets[i] = end;
        end += s->sh_size;
    }
    *end_out = end;
    return true;
}

static bool map_sections(loader *l, jcg_image *image, const size_t *offsets, size_t end)
{
    size_t page = 4096;
    image->size = (end + page - 1) & ~(page - 1);
    void *base = mmap(NULL, image->size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED)
        return refuse(l, "%s", "no memory for the code");
    image->base = base;
    for (uint32_t i = 1; i < l->nsections; i++) {
        if (!wanted(l, i))
            continue;
        l->placed[i] = image->base + offsets[i];
        if (l->shdrs[i].sh_type != SHT_NOBITS)
            memcpy(l->placed[i], contents(l, &l->shdrs[i]), l->shdrs[i].sh_size);
    }
    return true;
}

static bool place_sections(loader *l, jcg_image *image)
{
    size_t *offsets = calloc(l->nsections, sizeof *offsets), end = 0;
    if (!offsets)
        return refuse(l, "%s", "out of memory");
    bool ok = lay_out(l, offsets, &end);
    if (ok && end == 0)
        ok = refuse(l, "%s", "no code");
    if (ok)
        ok = map_sections(l, image, offsets, end);
    free(offsets);
    return ok;
}

/* The address symbol SYM of SYMTAB stands for. */
static bool symbol_value(loader *l, const Elf64_Shdr *symtab, uint64_t sym, uint64_t *value)
{
    const Elf64_Sym *syms = (const Elf64_Sym *)contents(l, symtab);
    if (!syms || sym >= symtab->sh_size / sizeof *syms)
        return refuse(l, "%s", "a relocation with a bad symbol");
    const Elf64_Sym *s = &syms[sym];
    if (s->st_shndx == SHN_ABS) {
        *value = s->st_value;
        return true;
    }
    if (s->st_shndx == SHN_UNDEF || s->st_shndx >= l->nsections || !l->placed[s->st_shndx]) {
        const char *name = string_at(l, symtab->sh_link, s->st_name);
        return refuse(l, "undefined symbol '%s'", name && *name ? name : "?");
    }
    *value = (uint64_t)(uintptr_t)l->placed[s->st_shndx] + s->st_value;
    return true;
}

static bool fits_int32(int64_t v) { return v >= INT32_MIN && v <= INT32_MAX; }

static bool relocate_one(loader *l, const Elf64_Shdr *target, uint8_t *base, const Elf64_Shdr *symtab,
                         const Elf64_Rela *r)
{
    uint32_t type = ELF64_R_TYPE(r->r_info);
    if (type == R_X86_64_NONE)
        return true;
    size_t width = type == R_X86_64_64 || type == R_X86_64_PC64 ? 8 : 4;
    if (r->r_offset > target->sh_size || width > target->sh_size - r->r_offset)
        return refuse(l, "%s", "a relocation outside its section");
    uint64_t s;
    if (!symbol_value(l, symtab, ELF64_R_SYM(r->r_info), &s))
        return false;
    uint8_t *p = base + r->r_offset;
    int64_t value = (int64_t)(s + (uint64_t)r->r_addend);
    switch (type) {
    case R_X86_64_64:
        break;
    case R_X86_64_PC64:
    case R_X86_64_PC32:
    case R_X86_64_PLT32:
        value -= (int64_t)(uintptr_t)p;
        break;
    case R_X86_64_32:
        if ((uint64_t)value > UINT32_MAX)
            return refuse(l, "%s", "a 32-bit relocation out of range");
        break;
    case R_X86_64_32S:
        break;
    default: {
        char number[16];
        snprintf(number, sizeof number, "%u", type);
        return refuse(l, "relocation type %s", number);
    }
    }
    if (width == 4) {
        if (type != R_X86_64_32 && !fits_int32(value))
            return refuse(l, "%s", "a 32-bit relocation out of range");
        int32_t v32 = (int32_t)value;
        memcpy(p, &v32, 4);
    } else {
        memcpy(p, &value, 8);
    }
    return true;
}

static bool relocate(loader *l)
{
    for (uint32_t i = 1; i < l->nsections; i++) {
        const Elf64_Shdr *s = &l->shdrs[i];
        if (s->sh_type == SHT_REL)
            return refuse(l, "%s", "relocations without addends");
        if (s->sh_type != SHT_RELA || s->sh_info >= l->nsections || !l->placed[s->sh_info])
            continue; /* none, or for a section left out (.eh_frame) */
        const Elf64_Rela *relas = (const Elf64_Rela *)contents(l, s);
        if (!relas || s->sh_entsize != sizeof *relas || s->sh_link >= l->nsections)
            return refuse(l, "%s", "a bad relocation section");
        for (uint64_t k = 0; k < s->sh_size / sizeof *relas; k++)
            if (!relocate_one(l, &l->shdrs[s->sh_info], l->placed[s->sh_info], &l->shdrs[s->sh_link], &relas[k]))
                return false;
    }
    return true;
}

/* The global functions and objects: the traces' entries. */
static bool collect_symbols(loader *l, jcg_image *image)
{
    for (uint32_t i = 1; i < l->nsections; i++) {
        const Elf64_Shdr *s = &l->shdrs[i];
        if (s->sh_type != SHT_SYMTAB)
            continue;
        const Elf64_Sym *syms = (const Elf64_Sym *)contents(l, s);
        if (!syms)
            return refuse(l, "%s", "a symbol table outside the file");
        uint64_t n = s->sh_size / sizeof *syms;
        image->symbols = calloc(n ? n : 1, sizeof *image->symbols);
        if (!image->symbols)
            return refuse(l, "%s", "no memory for the symbols");
        for (uint64_t k = 0; k < n; k++) {
            const Elf64_Sym *sym = &syms[k];
            if (ELF64_ST_BIND(sym->st_info) != STB_GLOBAL || sym->st_shndx == SHN_UNDEF ||
                sym->st_shndx >= l->nsections || !l->placed[sym->st_shndx])
                continue;
            const char *name = string_at(l, s->sh_link, sym->st_name);
            if (!name)
                return refuse(l, "%s", "a symbol without a name");
            jcg_symbol *out = &image->symbols[image->nsymbols++];
            out->address = l->placed[sym->st_shndx] + sym->st_value;
            if (!(out->name = strdup(name)))
                return refuse(l, "%s", "no memory for the symbols");
        }
        return true;
    }
    return refuse(l, "%s", "no symbol table");
}

jcg_image *jcg_elf_load(const char *path, char *err, size_t errsize)
{
    size_t size;
    char *file = read_file(path, &size);
    if (!file) {
        snprintf(err, errsize, "cannot read %s", path);
        return NULL;
    }
    jcg_image *image = calloc(1, sizeof *image);
    loader l = {.file = (const uint8_t *)file, .size = size, .err = err, .errsize = errsize};
    bool ok = image ? check_header(&l) : refuse(&l, "%s", "out of memory");
    if (ok && !(l.placed = calloc(l.nsections, sizeof *l.placed)))
        ok = refuse(&l, "%s", "out of memory");
    ok = ok && place_sections(&l, image) && relocate(&l) && collect_symbols(&l, image);
    if (ok && mprotect(image->base, image->size, PROT_READ | PROT_EXEC) != 0)
        ok = refuse(&l, "%s", "cannot make the code executable");
    free(l.placed);
    free(file);
    if (!ok) {
        jcg_elf_release(image);
        return NULL;
    }
    return image;
}

void *jcg_elf_symbol(const jcg_image *image, const char *name)
{
    for (uint32_t i = 0; i < image->nsymbols; i++)
        if (strcmp(image->symbols[i].name, name) == 0)
            return image->symbols[i].address;
    return NULL;
}

void jcg_elf_release(jcg_image *image)
{
    if (!image)
        return;
    if (image->base)
        munmap(image->base, image->size);
    for (uint32_t i = 0; i < image->nsymbols; i++)
        free(image->symbols[i].name);
    free(image->symbols);
    free(image);
}

#else /* not an x86-64 Linux host: every object is linked by gcc's driver */

bool jcg_elf_supported(void) { return false; }

jcg_image *jcg_elf_load(const char *path, char *err, size_t errsize)
{
    snprintf(err, errsize, "cannot load %s on this machine", path);
    return NULL;
}

void *jcg_elf_symbol(const jcg_image *image, const char *name)
{
    (void)image;
    (void)name;
    return NULL;
}

void jcg_elf_release(jcg_image *image) { (void)image; }

#endif
