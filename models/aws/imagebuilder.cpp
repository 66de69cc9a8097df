#include "imagebuilder.h"
