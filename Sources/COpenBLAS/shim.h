// OpenBLAS bridge (pthread variant). Only Sources/NeuralKit imports this module.
#ifndef DEEPSCAN_COPENBLAS_SHIM_H
#define DEEPSCAN_COPENBLAS_SHIM_H
#include <cblas.h>
#endif
