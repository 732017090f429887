"""jgrad's kernel under jupyter_kernel_test: every test starts the kernel "jgrad" and talks to it over ZeroMQ.

Run through notebooks/test-kernel.sh, which builds the kernel and points JUPYTER_PATH at its kernel spec.
"""
import base64
import unittest

import jupyter_kernel_test


class JgradKernelTests(jupyter_kernel_test.KernelTests):
    kernel_name = "jgrad"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("an error line");'

    # the value of a cell's last expression: tensors as PyTorch prints them
    code_execute_result = [
        {"code": "1 + 2", "result": "3"},
        {"code": "var t = arange(3.0);\nt.mul(2)", "result": "tensor([0., 2., 4.])"},
        {"code": "tensor(new double[][] {{1, 2}, {3, 4}}).sum()", "result": "tensor(10.)"},
        {"code": "Module.class.getName()", "result": '"dev.jgrad.nn.Module"'},
    ]

    # an exception from jgrad arrives as a Jupyter error
    code_generate_error = "ones(2, 3).matmul(ones(2, 3))"

    # XChart charts and images show as pictures
    code_display_data = [
        {"code": "display(new org.knowm.xchart.XYChartBuilder().width(200).height(100).build())", "mime": "image/png"},
        {"code": "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB))",
         "mime": "image/png"},
        {"code": 'display(linspace(0.0, 1.0, 3)); System.out.println("after")', "mime": "text/plain"},
    ]

    completion_samples = [
        {"text": "manualSe", "matches": {"manualSeed("}},
        {"text": "var some = 1; Tensor.class.getSimpleN", "matches": {"getSimpleName()"}},
    ]

    complete_code_samples = ["1 + 1", "int x = 3;", "for (int i = 0; i < 3; i++) { }"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "int f(int a) {"]
    invalid_code_samples = ["int x = ;)"]

    code_inspect_sample = "zeros("

    def test_last_expression_picture(self):
        """A chart as a cell's last expression is its execute_result, as a PNG."""
        self.flush_channels()
        reply, output_msgs = self.execute_helper(code="new org.knowm.xchart.XYChartBuilder().width(200).height(100).build()")
        results = [m for m in output_msgs if m["msg_type"] == "execute_result"]
        self.assertEqual(len(results), 1)
        png = results[0]["content"]["data"]["image/png"]
        self.assertTrue(base64.b64decode(png).startswith(b"\x89PNG\r\n\x1a\n"))

    def test_error_message(self):
        """The error's name and value are the exception's class and PyTorch's message."""
        self.flush_channels()
        reply, output_msgs = self.execute_helper(code=self.code_generate_error)
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "IllegalArgumentException")
        self.assertIn("mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)", reply["content"]["evalue"])

    def test_state_across_cells(self):
        """Variables live on from one execute request to the next."""
        self.flush_channels()
        reply, _ = self.execute_helper(code="var kept = full(new long[] {2}, 7.0);")
        self.assertEqual(reply["content"]["status"], "ok")
        reply, output_msgs = self.execute_helper(code="kept.add(1)")
        results = [m for m in output_msgs if m["msg_type"] == "execute_result"]
        self.assertEqual(results[0]["content"]["data"]["text/plain"], "tensor([8., 8.])")

    def test_compile_error(self):
        """A cell that does not compile is an error reply with javac's message, and the kernel lives on."""
        self.flush_channels()
        reply, _ = self.execute_helper(code="int y = undefinedName + 1;")
        self.assertEqual(reply["content"]["status"], "error")
        self.assertEqual(reply["content"]["ename"], "CompilationException")
        self.assertIn("cannot find symbol", reply["content"]["evalue"])
        reply, _ = self.execute_helper(code="1")
        self.assertEqual(reply["content"]["status"], "ok")


if __name__ == "__main__":
    unittest.main()
