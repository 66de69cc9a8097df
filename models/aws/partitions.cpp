#include "partitions.h"
