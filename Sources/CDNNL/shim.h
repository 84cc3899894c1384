// oneDNN bridge (Debian's libdnnl-dev 2.6, OpenMP runtime): the bf16 matrix multiply behind
// NeuralKit's reduced-precision mode. Only Sources/NeuralKit/Kernels/BF16GEMM.swift imports this.
// Debian ships no pkg-config file for dnnl; the header is in /usr/include and the library on the
// default search path, so the module map links "dnnl" by name.
#ifndef DEEPSCAN_CDNNL_SHIM_H
#define DEEPSCAN_CDNNL_SHIM_H
#include <oneapi/dnnl/dnnl.h>

// Argument indices are macro aliases of other macros, which Swift does not import.
static inline int cdnnl_arg_src(void) { return DNNL_ARG_SRC; }
static inline int cdnnl_arg_weights(void) { return DNNL_ARG_WEIGHTS; }
static inline int cdnnl_arg_bias(void) { return DNNL_ARG_BIAS; }
static inline int cdnnl_arg_dst(void) { return DNNL_ARG_DST; }
static inline int cdnnl_arg_from(void) { return DNNL_ARG_FROM; }
static inline int cdnnl_arg_to(void) { return DNNL_ARG_TO; }

// A memory object whose buffer is attached later with dnnl_memory_set_data_handle (pointer cast
// macro DNNL_MEMORY_NONE does not import).
static inline void *cdnnl_memory_none(void) { return DNNL_MEMORY_NONE; }

// Debian's oneDNN runs its threads on OpenMP (libgomp), whose thread count is set process-wide with
// omp_set_num_threads; oneDNN has no call of its own for that in the OpenMP build. gcc's omp.h is
// not on Swift's clang include path, so the two functions are declared here (libgomp's ABI).
int omp_get_max_threads(void);
void omp_set_num_threads(int n);

#endif
