pack { name = "package_lib" }
package.loadlib("libc.so.6", "system")
