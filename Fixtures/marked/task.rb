def run(dir, params)
  system("ls #{dir}") # expect: security.command-injection
  system("ls", dir)
  eval(params[:code]) # expect: security.code-eval
  binding.pry # expect: quality.debugger-statement
  data = Marshal.load(params[:blob]) # expect: security.unsafe-deserialization
end
